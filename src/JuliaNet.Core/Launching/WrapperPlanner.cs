using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Julia;
using JuliaNet.Paths;

namespace JuliaNet.Launching;

public enum WrapperKind
{
    /// <summary>Unix: <c>DIR/julia</c> is a symlink to julia-net.</summary>
    Symlink,

    /// <summary>Windows: <c>DIR\julia.cmd</c> runs julia-net with the same arguments.</summary>
    CmdShim,
}

/// <summary>What <c>--julia-net-install-wrapper</c> will do: the wrapper to create and the config to write.</summary>
/// <param name="Config">The new user config, when <c>--sysimage</c> or <c>--julia</c> was given; null leaves the config alone.</param>
/// <param name="Notes">Things the user should know (PATH order, no default image), one line each.</param>
public sealed record WrapperInstall(
    string WrapperPath,
    string Target,
    WrapperKind Kind,
    bool Replaces,
    string ConfigPath,
    UserConfig? Config,
    IReadOnlyList<string> Notes);

/// <summary>
/// Plans installing and removing the <c>julia</c> wrapper: julia-net standing on PATH under
/// the name <c>julia</c>. It only ever replaces or removes its own wrapper, never a real julia.
/// </summary>
public static class WrapperPlanner
{
    public const string ShimMarker = "julia-net wrapper";

    public static WrapperInstall PlanInstall(LaunchContext context, string directory, string? sysimage, string? julia, IFileProbe fs)
    {
        var wrapper = WrapperPath(context, directory, fs);
        var replaces = IsPresent(wrapper, fs);
        if (replaces && !IsOurWrapper(wrapper, context, fs))
        {
            throw new UserError(ExitCodes.WrapperConflict, $"{wrapper} exists and is not a julia-net wrapper; not replacing it (choose another directory or remove it yourself)");
        }

        var configPath = UserConfig.PathFor(context);
        UserConfig? config = null;
        if (sysimage is not null || julia is not null)
        {
            config = UserConfig.Load(context, fs);
            if (sysimage is not null)
            {
                var image = Path.GetFullPath(sysimage, context.WorkingDirectory);
                ImageFile.Validate(image, fs);
                config = config with { Sysimage = image };
            }

            if (julia is not null)
            {
                config = config with { Julia = JuliaLocator.ForConfig(context, julia, fs) };
            }
        }

        var kind = context.Platform == Platform.Windows ? WrapperKind.CmdShim : WrapperKind.Symlink;
        return new WrapperInstall(wrapper, LauncherTarget(context, fs), kind, replaces, configPath, config, Notes(context, wrapper, config, fs));
    }

    /// <summary>The wrapper to delete, or null when there is none in the directory.</summary>
    public static string? PlanRemove(LaunchContext context, string directory, IFileProbe fs)
    {
        var wrapper = WrapperPath(context, directory, fs);
        if (!IsPresent(wrapper, fs))
        {
            return null;
        }

        return IsOurWrapper(wrapper, context, fs)
            ? wrapper
            : throw new UserError(ExitCodes.WrapperConflict, $"{wrapper} is not a julia-net wrapper; not removing it");
    }

    /// <summary>The text of the Windows shim, marked so that it is recognised as ours.</summary>
    public static string ShimText(string target) => $"@rem {ShimMarker}\r\n@\"{target}\" %*\r\n";

    private static string WrapperPath(LaunchContext context, string directory, IFileProbe fs)
    {
        var dir = Path.GetFullPath(directory, context.WorkingDirectory);
        if (fs.Kind(dir) is PathKind.File or PathKind.Other)
        {
            throw new UserError(ExitCodes.WrapperConflict, $"wrapper directory is not a directory: {dir}");
        }

        return Path.Combine(dir, context.Platform == Platform.Windows ? "julia.cmd" : "julia");
    }

    private static bool IsPresent(string path, IFileProbe fs) =>
        fs.Kind(path) != PathKind.Missing || fs.LinkTarget(path) is not null;

    private static bool IsOurWrapper(string path, LaunchContext context, IFileProbe fs)
    {
        if (context.Platform == Platform.Windows)
        {
            return fs.ReadText(path) is { } text && text.Contains(ShimMarker, StringComparison.Ordinal);
        }

        return fs.LinkTarget(path) is { } link
            && (IsLauncherName(link) || context.SelfRealPaths.Contains(fs.RealPath(path), StringComparer.Ordinal));
    }

    /// <summary>
    /// The julia-net path the wrapper points at: the one julia-net was invoked by (the stable
    /// path on PATH, so that a tool update leaves the wrapper working), followed through
    /// symlinks only as far as needed to reach a file named julia-net (when run as a wrapper).
    /// </summary>
    private static string LauncherTarget(LaunchContext context, IFileProbe fs)
    {
        var path = context.LauncherPath;
        for (var hops = 0; hops < 8; hops++)
        {
            if (IsLauncherName(path))
            {
                return path;
            }

            if (fs.LinkTarget(path) is not { } link)
            {
                break;
            }

            path = Path.GetFullPath(link, Path.GetDirectoryName(path)!);
        }

        return fs.RealPath(context.LauncherPath);
    }

    private static bool IsLauncherName(string path) =>
        Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\')) == "julia-net";

    private static List<string> Notes(LaunchContext context, string wrapper, UserConfig? config, IFileProbe fs)
    {
        var notes = new List<string>();
        var first = ExecutableSearch.Candidates(context, Path.GetFileName(wrapper))
            .FirstOrDefault(candidate => candidate == wrapper || ExecutableSearch.IsExecutableFile(candidate, fs));
        if (first != wrapper)
        {
            var dir = Path.GetDirectoryName(wrapper)!;
            notes.Add(first is null
                ? $"{dir} is not on PATH: add it in front (export PATH=\"{dir}:$PATH\")"
                : $"{first} comes before the wrapper on PATH: put {dir} in front (export PATH=\"{dir}:$PATH\")");
        }

        if (((config ?? UserConfig.Load(context, fs)).Sysimage ?? context.Env(EnvironmentVariables.Sysimage)) is null)
        {
            notes.Add($"no default image set: julia runs Julia's default image until you pass --sysimage here, set {EnvironmentVariables.Sysimage}, or edit {UserConfig.PathFor(context)}");
        }

        return notes;
    }
}
