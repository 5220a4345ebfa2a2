using JuliaNet.Errors;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Building;

/// <summary>
/// The C compiler that links images: <c>JULIA_CC</c>, split into words as PackageCompiler does
/// (<c>Base.shell_split</c>: <c>JULIA_CC="gcc -g"</c> runs gcc with <c>-g</c> first), else
/// <c>cc</c>, <c>gcc</c>, <c>clang</c> on PATH.
/// </summary>
public static class CompilerLocator
{
    private static readonly string[] Names = ["cc", "gcc", "clang"];

    /// <summary>The compiler's path and the words to pass before the link arguments.</summary>
    public static (string Program, IReadOnlyList<string> Args) Locate(ProcessFacts process, IFileProbe fs)
    {
        if (process.Env(EnvironmentVariables.JuliaCC) is { } value)
        {
            if (ShellWords.Split(value) is not { Count: > 0 } words)
            {
                throw new UserError(ExitCode.NoCompiler, $"{EnvironmentVariables.JuliaCC} is not a command: \"{value}\" (an unclosed quote, or no words)");
            }

            var (explicitCompiler, args) = (words[0], words.Skip(1).ToArray());

            var path = explicitCompiler.Contains('/', StringComparison.Ordinal)
                ? Path.GetFullPath(explicitCompiler, process.WorkingDirectory)
                : ExecutableSearch.Find(process, explicitCompiler, fs);
            return path is not null && ExecutableSearch.IsExecutableFile(path, fs)
                ? (path, args)
                : throw new UserError(ExitCode.NoCompiler, $"C compiler {explicitCompiler} (from {EnvironmentVariables.JuliaCC}) not found or not executable");
        }

        return (Names.Select(name => ExecutableSearch.Find(process, name, fs)).FirstOrDefault(p => p is not null)
            ?? throw new UserError(ExitCode.NoCompiler, $"no C compiler found: install gcc (apt-get install gcc) or set {EnvironmentVariables.JuliaCC}"), []);
    }
}
