using JuliaNet.Errors;
using JuliaNet.Launching;
using JuliaNet.Paths;

namespace JuliaNet.Julia;

/// <summary>
/// Chooses the Julia executable: <c>--julia</c>, else <c>JULIA_NET_JULIA</c>, else the user
/// config's <c>julia</c>, else the Julia recorded in the image's metadata, else <c>julia</c> on
/// PATH. Never julia-net itself, which may be installed as <c>julia</c>.
/// </summary>
public static class JuliaLocator
{
    /// <param name="fromConfig">The user config's julia, asked for only when neither the option nor the variable is set.</param>
    public static string Locate(LaunchContext context, string? fromOption, Func<string?> fromConfig, string? recordedInImage, IFileProbe fs)
    {
        if (fromOption is not null)
        {
            return Check(Resolve(context, fromOption, fs), "--julia", context, fs);
        }

        if (context.Env(EnvironmentVariables.Julia) is { } fromEnv)
        {
            return Check(Resolve(context, fromEnv, fs), EnvironmentVariables.Julia, context, fs);
        }

        if (fromConfig() is { } configured)
        {
            return Check(Resolve(context, configured, fs), "the config file " + UserConfig.PathFor(context), context, fs);
        }

        if (recordedInImage is not null)
        {
            return Check(recordedInImage, "the image's metadata", context, fs);
        }

        return ExecutableSearch.Find(context, JuliaExeName(context.Platform), fs, candidate => !IsSelf(candidate, context, fs))
            ?? throw new UserError(ExitCodes.JuliaNotFound, "no julia found on PATH (install Julia, or pass --julia PATH or set JULIA_NET_JULIA)");
    }

    public static string JuliaExeName(Platform platform) => platform == Platform.Windows ? "julia.exe" : "julia";

    /// <summary>A bare name is looked up on PATH; anything with a directory is made absolute.</summary>
    private static string Resolve(LaunchContext context, string value, IFileProbe fs)
    {
        if (value.Contains('/', StringComparison.Ordinal) || (context.Platform == Platform.Windows && value.Contains('\\', StringComparison.Ordinal)))
        {
            return Path.GetFullPath(value, context.WorkingDirectory);
        }

        return ExecutableSearch.Find(context, value, fs, candidate => !IsSelf(candidate, context, fs))
            ?? throw new UserError(ExitCodes.JuliaNotFound, $"julia not found: no {value} on PATH");
    }

    private static string Check(string path, string source, LaunchContext context, IFileProbe fs)
    {
        switch (fs.Kind(path))
        {
            case PathKind.Missing:
                throw new UserError(ExitCodes.JuliaNotFound, $"julia not found: {path} (from {source})");
            case PathKind.Directory:
                throw new UserError(ExitCodes.JuliaNotUsable, $"julia is a directory, not an executable: {path} (from {source})");
        }

        if (!fs.IsExecutable(path))
        {
            throw new UserError(ExitCodes.JuliaNotUsable, $"julia is not executable: {path} (from {source})");
        }

        if (IsSelf(path, context, fs))
        {
            throw new UserError(ExitCodes.JuliaNotUsable, $"julia {path} (from {source}) is julia-net itself; give the real Julia executable");
        }

        return path;
    }

    /// <summary>
    /// julia-net's own binary, or (Windows) a julia-net wrapper: a julia.exe with a
    /// <see cref="WrapperMarker"/> beside it, which is a copy of julia-net, not a link to it.
    /// </summary>
    private static bool IsSelf(string candidate, LaunchContext context, IFileProbe fs)
    {
        var real = fs.RealPath(candidate);
        return context.SelfRealPaths.Contains(real, StringComparer.Ordinal)
            || (context.Platform == Platform.Windows && WrapperMarker.IsBeside(candidate, fs));
    }
}
