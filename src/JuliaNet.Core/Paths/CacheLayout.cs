using JuliaNet.Processes;

namespace JuliaNet.Paths;

/// <summary>
/// Where julia-net keeps its files: a root under the user's cache location (or
/// <c>JULIA_NET_CACHE_DIR</c>), one depot per (launcher, image, user depot), and the
/// per-Julia probe results.
/// </summary>
public static class CacheLayout
{
    public static string Root(ProcessFacts process)
    {
        if (process.Env(EnvironmentVariables.CacheDir) is { } explicitRoot)
        {
            return Path.GetFullPath(explicitRoot, process.WorkingDirectory);
        }

        return process.Platform switch
        {
            Platform.Windows => Path.Combine(process.Env(EnvironmentVariables.LocalAppData) ?? Path.Combine(process.Home, "AppData", "Local"), "julia-net"),
            Platform.MacOS => Path.Combine(process.Home, "Library", "Caches", "julia-net"),
            _ => Path.Combine(
                process.Env(EnvironmentVariables.XdgCacheHome) is { } xdg && Path.IsPathRooted(xdg) ? xdg : Path.Combine(process.Home, ".cache"),
                "julia-net"),
        };
    }

    public static string DepotsRoot(string root) => Path.Combine(root, "depots");

    public static string JuliaInfoRoot(string root) => Path.Combine(root, "julia-info");

    public static string ProjectImagesRoot(string root) => Path.Combine(root, "projects");

    /// <summary>
    /// The image julia-sysimage builds for a project when no OUTPUT is given, and julia-net
    /// uses when it starts in that project with that Julia: one per (project directory, Julia
    /// binary), both as real paths, so the image always belongs to the Julia that runs it.
    /// </summary>
    public static string ProjectImage(string root, string projectRealPath, string juliaRealPath, Platform platform)
    {
        var key = Hash(projectRealPath + "\0" + juliaRealPath);
        var extension = platform switch { Platform.Windows => ".dll", Platform.MacOS => ".dylib", _ => ".so" };
        return Path.Combine(ProjectImagesRoot(root), Readable(Path.GetFileName(projectRealPath)) + "-" + key, "sys" + extension);
    }

    /// <summary>
    /// The cache depot of one (launcher, image, user depot): deterministic, readable
    /// (the image's name first) and distinct for every distinct triple.
    /// </summary>
    public static string DepotFor(string root, string launcher, string image, string userDepot)
    {
        var key = Hash(launcher + "\0" + image + "\0" + userDepot);
        return Path.Combine(DepotsRoot(root), Readable(Path.GetFileNameWithoutExtension(image)) + "-" + key);
    }

    /// <summary>The file caching what was learned by running the Julia binary at this resolved path (a <c>JuliaInfoRecord</c>).</summary>
    public static string JuliaInfoFile(string root, string juliaRealPath) =>
        Path.Combine(JuliaInfoRoot(root), Hash(juliaRealPath) + ".txt");

    /// <summary>The 16 hex digits that name a cache entry after its key (<see cref="StableHash"/>).</summary>
    public static string Hash(string value) => StableHash.Hex(value);

    private static string Readable(string name)
    {
        var chars = name.Take(40).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        return chars.Length == 0 ? "image" : new string(chars);
    }
}
