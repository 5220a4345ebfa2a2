using JuliaNet.Errors;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Juliaup;

/// <summary>Where juliaup keeps its configuration, and how its launcher is recognised.</summary>
public static class JuliaupHome
{
    public const string ConfigFileName = "juliaup.json";

    /// <summary>The name of juliaup's launcher binary; its installer makes <c>~/.juliaup/bin/julia</c> a symlink to it (src/bin/juliainstaller.rs).</summary>
    public const string LauncherName = "julialauncher";

    /// <summary>
    /// juliaup's directory, as <c>get_juliaup_home_path</c> in juliaup's src/global_paths.rs
    /// computes it: <c>JULIAUP_DEPOT_PATH</c> (trimmed; blank counts as unset; it must be
    /// absolute) joined with <c>juliaup</c>, else <c>~/.julia/juliaup</c>. <c>JULIA_DEPOT_PATH</c> is
    /// not read: juliaup stopped reading it in juliaup #661 (1.11, 2023).
    /// </summary>
    public static string Directory(ProcessFacts process)
    {
        var raw = process.Environment.GetValueOrDefault(EnvironmentVariables.JuliaupDepotPath)?.Trim() ?? "";
        if (raw.Length == 0)
        {
            return Path.Combine(process.Home, ".julia", "juliaup");
        }

        return Path.IsPathFullyQualified(raw)
            ? Path.Combine(raw, "juliaup")
            : throw new UserError(ExitCode.JuliaupConfigInvalid, $"{EnvironmentVariables.JuliaupDepotPath} is not an absolute path: {raw}");
    }

    public static string ConfigFile(ProcessFacts process) => Path.Combine(Directory(process), ConfigFileName);

    /// <summary>
    /// Whether the executable at the path is juliaup's launcher: the file it resolves to (through
    /// symlinks) is named <c>julialauncher</c>, as juliaup's installer and the packages of juliaup
    /// lay it out (<c>~/.juliaup/bin/julia -> julialauncher</c>).
    /// </summary>
    public static bool IsLauncher(string path, IFileProbe fs) => IsLauncherName(fs.RealPath(path));

    /// <summary>The same test on a path already resolved through symlinks.</summary>
    public static bool IsLauncherName(string realPath) =>
        Path.GetFileName(realPath) is LauncherName or LauncherName + ".exe";

    /// <summary>juliaup.json, or null when there is none (juliaup has not been set up).</summary>
    public static JuliaupConfig? Load(ProcessFacts process, IFileProbe fs)
    {
        var file = ConfigFile(process);
        switch (fs.Kind(file))
        {
            case PathKind.Missing:
                return null;
            case PathKind.File:
                return JuliaupConfigReader.Parse(fs.ReadText(file) ?? throw JuliaupConfigReader.Invalid(file, "it cannot be read"), file);
            default:
                throw JuliaupConfigReader.Invalid(file, "it is not a regular file");
        }
    }
}
