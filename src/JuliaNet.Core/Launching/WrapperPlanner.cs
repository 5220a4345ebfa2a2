using JuliaNet.Config;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Julia;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Launching;

public enum WrapperKind
{
    /// <summary>Unix: <c>DIR/julia</c> is a symlink to julia-net.</summary>
    Symlink,

    /// <summary>
    /// Windows: <c>DIR\julia.exe</c> is a hard link to julia-net's binary, else a copy, with a
    /// <see cref="WrapperMarker"/> beside it. An executable gets its arguments verbatim; a
    /// <c>.cmd</c> shim would have cmd.exe parse them again (the "BatBadBut" injection class).
    /// </summary>
    Executable,
}

/// <summary>What <c>--julia-net-install-wrapper</c> will do: the wrapper to create and the config to write.</summary>
/// <param name="Target">Unix: what the symlink points at. Windows: the julia-net binary to link or copy.</param>
/// <param name="Config">The new user config, when <c>--sysimage</c> or <c>--julia</c> was given; null leaves the config alone.</param>
/// <param name="Notes">Things the user should know (PATH order, no default image), one line each.</param>
/// <param name="Marker">Windows: the marker to write beside the wrapper.</param>
/// <param name="InPlace">Windows: the wrapper there already has the target's content, so only the marker is written.</param>
/// <param name="Obsolete">Files of earlier julia-net wrappers to delete (the <c>julia.cmd</c> shim on Windows).</param>
public sealed record WrapperInstall(
    string WrapperPath,
    string Target,
    WrapperKind Kind,
    bool Replaces,
    string ConfigPath,
    UserConfig? Config,
    IReadOnlyList<string> Notes,
    WrapperMarker? Marker = null,
    bool InPlace = false,
    IReadOnlyList<string>? Obsolete = null);

/// <summary>What <c>--julia-net-remove-wrapper</c> will delete: the wrapper, then the other files of julia-net's (marker, obsolete shim).</summary>
public sealed record WrapperRemoval(string WrapperPath, IReadOnlyList<string> AlsoDelete);

/// <summary>
/// Plans installing and removing the <c>julia</c> wrapper: julia-net standing on PATH under
/// the name <c>julia</c>. It only ever replaces or removes its own wrapper, never a real julia.
/// </summary>
public static class WrapperPlanner
{
    /// <summary>The first line of the <c>julia.cmd</c> shim that earlier julia-net versions wrote on Windows.</summary>
    public const string ObsoleteShimMarker = "@rem julia-net wrapper";

    public static WrapperInstall PlanInstall(ProcessFacts process, string directory, string? sysimage, string? julia, IFileProbe fs)
    {
        var wrapper = WrapperPath(process, directory, fs);
        var replaces = IsPresent(wrapper, fs);
        if (replaces && !IsOurWrapper(wrapper, process, fs))
        {
            throw new UserError(ExitCode.WrapperConflict, $"{wrapper} exists and is not a julia-net wrapper; not replacing it (choose another directory or remove it yourself)");
        }

        var obsolete = ObsoleteShim(process, wrapper, fs);

        var configPath = UserConfig.PathFor(process);
        UserConfig? config = null;
        if (sysimage is not null || julia is not null)
        {
            config = UserConfig.Load(process, fs);
            if (sysimage is not null)
            {
                var image = Path.GetFullPath(sysimage, process.WorkingDirectory);
                ImageFile.Validate(image, fs);
                config = config with { Sysimage = image };
            }

            if (julia is not null)
            {
                config = config with { Julia = JuliaLocator.ForConfig(process, julia, fs) };
            }
        }

        var target = LauncherTarget(process, fs);
        var notes = Notes(process, wrapper, config, fs);
        if (process.Platform != Platform.Windows)
        {
            return new WrapperInstall(wrapper, target, WrapperKind.Symlink, replaces, configPath, config, notes, Obsolete: obsolete);
        }

        var digest = FileDigest.Sha256(target, fs) ?? throw new UserError(ExitCode.WrapperConflict, $"cannot read julia-net's own binary {target} to install the wrapper");
        var old = replaces ? FileDigest.Sha256(wrapper, fs) : null;
        var marker = new WrapperMarker(
            WrapperMarker.PathFor(wrapper),
            WrapperMarker.TextFor([digest]),
            old is null || old == digest ? null : WrapperMarker.TextFor([old, digest]));
        return new WrapperInstall(wrapper, target, WrapperKind.Executable, replaces, configPath, config, notes, marker, InPlace: old == digest, Obsolete: obsolete);
    }

    /// <summary>What to delete, or null when there is no wrapper in the directory.</summary>
    public static WrapperRemoval? PlanRemove(ProcessFacts process, string directory, IFileProbe fs)
    {
        var wrapper = WrapperPath(process, directory, fs);
        if (!IsPresent(wrapper, fs))
        {
            return ObsoleteShim(process, wrapper, fs) is [var shim] ? new WrapperRemoval(shim, []) : null;
        }

        if (!IsOurWrapper(wrapper, process, fs))
        {
            throw new UserError(ExitCode.WrapperConflict, $"{wrapper} is not a julia-net wrapper; not removing it");
        }

        List<string> also = process.Platform == Platform.Windows ? [WrapperMarker.PathFor(wrapper)] : [];
        also.AddRange(ObsoleteShim(process, wrapper, fs));
        return new WrapperRemoval(wrapper, also);
    }

    private static string WrapperPath(ProcessFacts process, string directory, IFileProbe fs)
    {
        var dir = Path.GetFullPath(directory, process.WorkingDirectory);
        if (fs.Kind(dir) is PathKind.File or PathKind.Other)
        {
            throw new UserError(ExitCode.WrapperConflict, $"wrapper directory is not a directory: {dir}");
        }

        return Path.Combine(dir, JuliaLocator.JuliaExeName(process.Platform));
    }

    /// <summary>Windows: the <c>julia.cmd</c> an earlier julia-net wrote beside the wrapper (recognised by its first line), to be deleted.</summary>
    private static string[] ObsoleteShim(ProcessFacts process, string wrapper, IFileProbe fs)
    {
        var shim = Path.Combine(Path.GetDirectoryName(wrapper)!, "julia.cmd");
        return process.Platform == Platform.Windows && fs.ReadText(shim) is { } text && text.StartsWith(ObsoleteShimMarker, StringComparison.Ordinal) ? [shim] : [];
    }

    private static bool IsPresent(string path, IFileProbe fs) =>
        fs.Kind(path) != PathKind.Missing || fs.LinkTarget(path) is not null;

    private static bool IsOurWrapper(string path, ProcessFacts process, IFileProbe fs)
    {
        if (process.Platform == Platform.Windows)
        {
            return WrapperMarker.Recognises(path, fs);
        }

        return fs.LinkTarget(path) is { } link
            && (IsLauncherName(link) || process.SelfRealPaths.Contains(fs.RealPath(path), StringComparer.Ordinal));
    }

    /// <summary>
    /// The julia-net path the wrapper points at: the one julia-net was invoked by (the stable
    /// path on PATH, so that a tool update leaves the wrapper working), followed through
    /// symlinks only as far as needed to reach a file named julia-net (when run as a wrapper).
    /// </summary>
    private static string LauncherTarget(ProcessFacts process, IFileProbe fs)
    {
        var path = process.ProgramPath;
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

        return fs.RealPath(process.ProgramPath);
    }

    private static bool IsLauncherName(string path) =>
        Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\')) == "julia-net";

    private static List<string> Notes(ProcessFacts process, string wrapper, UserConfig? config, IFileProbe fs)
    {
        var notes = new List<string>();
        var first = ExecutableSearch.Candidates(process, Path.GetFileName(wrapper))
            .FirstOrDefault(candidate => candidate == wrapper || ExecutableSearch.IsExecutableFile(candidate, fs));
        if (first != wrapper)
        {
            var dir = Path.GetDirectoryName(wrapper)!;
            notes.Add(first is null
                ? $"{dir} is not on PATH: add it in front (export PATH=\"{dir}:$PATH\")"
                : $"{first} comes before the wrapper on PATH: put {dir} in front (export PATH=\"{dir}:$PATH\")");
        }

        if (((config ?? UserConfig.Load(process, fs)).Sysimage ?? process.Env(EnvironmentVariables.Sysimage)) is null)
        {
            notes.Add($"no default image set: julia runs Julia's default image until you pass --sysimage here, set {EnvironmentVariables.Sysimage}, or edit {UserConfig.PathFor(process)}");
        }

        return notes;
    }
}
