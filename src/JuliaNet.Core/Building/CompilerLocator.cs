using JuliaNet.Errors;
using JuliaNet.Launching;
using JuliaNet.Paths;

namespace JuliaNet.Building;

/// <summary>The C compiler that links images: <c>JULIA_CC</c> (as PackageCompiler), else <c>cc</c>, <c>gcc</c>, <c>clang</c> on PATH.</summary>
public static class CompilerLocator
{
    public const string Variable = "JULIA_CC";
    private static readonly string[] Names = ["cc", "gcc", "clang"];

    public static string Locate(LaunchContext context, IFileProbe fs)
    {
        if (context.Env(Variable) is { } explicitCompiler)
        {
            var path = explicitCompiler.Contains('/', StringComparison.Ordinal)
                ? Path.GetFullPath(explicitCompiler, context.WorkingDirectory)
                : ExecutableSearch.Find(context, explicitCompiler, fs);
            return path is not null && ExecutableSearch.IsExecutableFile(path, fs)
                ? path
                : throw new UserError(ExitCodes.NoCompiler, $"C compiler {explicitCompiler} (from {Variable}) not found or not executable");
        }

        return Names.Select(name => ExecutableSearch.Find(context, name, fs)).FirstOrDefault(p => p is not null)
            ?? throw new UserError(ExitCodes.NoCompiler, "no C compiler found: install gcc (apt-get install gcc) or set JULIA_CC");
    }
}
