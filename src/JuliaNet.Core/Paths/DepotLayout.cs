using JuliaNet.Julia;
using JuliaNet.Launching;

namespace JuliaNet.Paths;

/// <summary>
/// How julia-net separates compiled caches without moving anything else. Julia writes new
/// caches to the first depot of <c>DEPOT_PATH</c> and reads caches from every depot; so
/// julia-net puts its own cache depot first, in place of the user's depot, and links every
/// entry of that depot except <c>compiled/</c> back to the user's depot. Packages,
/// registries, environments and logs land where plain julia puts them; compiled caches
/// land only in the cache depot, and plain julia's are never read or touched.
/// </summary>
public static class DepotLayout
{
    /// <summary>Depot entries linked to the user's depot (created there when missing). Everything but <c>compiled</c>.</summary>
    public static readonly IReadOnlyList<string> LinkedEntries =
    [
        "packages", "registries", "environments", "artifacts", "scratchspaces", "clones", "dev", "logs", "prefs", "config", "servers",
    ];

    public const string CompiledEntry = "compiled";

    /// <summary>
    /// The depots plain julia would use here: <c>JULIA_DEPOT_PATH</c> with empty entries
    /// expanded to Julia's defaults and <c>~</c> expanded, or the defaults. A depot path that
    /// julia-net itself set (a child of a Julia it started) is mapped back to the user's.
    /// </summary>
    public static IReadOnlyList<string> UserDepots(LaunchContext context, JuliaInfo julia, string cacheRoot)
    {
        var windows = context.Platform == Platform.Windows;
        var defaults = new List<string> { Path.Combine(context.Home, ".julia") };
        defaults.AddRange(julia.SystemDepots);
        if (!context.Environment.TryGetValue(EnvironmentVariables.DepotPath, out var raw))
        {
            return defaults;
        }

        var depots = new List<string>();
        foreach (var entry in raw.Split(PathList.Separator(windows)))
        {
            if (entry.Length == 0)
            {
                depots.AddRange(defaults);
            }
            else
            {
                depots.Add(ExpandUser(entry, context.Home));
            }
        }

        if (depots.Count > 0 && IsCacheDepot(depots[0], cacheRoot) && context.Env(EnvironmentVariables.UserDepot) is { } userDepot)
        {
            depots[0] = userDepot;
        }

        return depots;
    }

    /// <summary>The depot path Julia gets: the cache depot, then the user's depots after the first.</summary>
    public static IReadOnlyList<string> JuliaDepotPath(string cacheDepot, IReadOnlyList<string> userDepots) =>
        [cacheDepot, .. userDepots.Skip(1).Where(d => d != cacheDepot)];

    public static bool IsCacheDepot(string path, string cacheRoot) =>
        path.StartsWith(CacheLayout.DepotsRoot(cacheRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string ExpandUser(string path, string home) =>
        path == "~" ? home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..]) : path;
}
