using JuliaNet.Errors;
using JuliaNet.Launching;
using JuliaNet.Paths;

namespace JuliaNet.Building;

/// <summary>
/// The C compiler that links images: <c>JULIA_CC</c>, split into words as PackageCompiler does
/// (<c>Base.shell_split</c>: <c>JULIA_CC="gcc -g"</c> runs gcc with <c>-g</c> first), else
/// <c>cc</c>, <c>gcc</c>, <c>clang</c> on PATH.
/// </summary>
public static class CompilerLocator
{
    public const string Variable = "JULIA_CC";
    private static readonly string[] Names = ["cc", "gcc", "clang"];

    /// <summary>The compiler's path and the words to pass before the link arguments.</summary>
    public static (string Program, IReadOnlyList<string> Args) Locate(LaunchContext context, IFileProbe fs)
    {
        if (context.Env(Variable) is { } value)
        {
            if (ShellWords.Split(value) is not { Count: > 0 } words)
            {
                throw new UserError(ExitCodes.NoCompiler, $"{Variable} is not a command: \"{value}\" (an unclosed quote, or no words)");
            }

            var (explicitCompiler, args) = (words[0], words.Skip(1).ToArray());

            var path = explicitCompiler.Contains('/', StringComparison.Ordinal)
                ? Path.GetFullPath(explicitCompiler, context.WorkingDirectory)
                : ExecutableSearch.Find(context, explicitCompiler, fs);
            return path is not null && ExecutableSearch.IsExecutableFile(path, fs)
                ? (path, args)
                : throw new UserError(ExitCodes.NoCompiler, $"C compiler {explicitCompiler} (from {Variable}) not found or not executable");
        }

        return (Names.Select(name => ExecutableSearch.Find(context, name, fs)).FirstOrDefault(p => p is not null)
            ?? throw new UserError(ExitCodes.NoCompiler, "no C compiler found: install gcc (apt-get install gcc) or set JULIA_CC"), []);
    }
}
