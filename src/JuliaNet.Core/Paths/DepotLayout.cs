using JuliaNet.Julia;
using JuliaNet.Processes;

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
    /// The depots plain julia would use here: <c>JULIA_DEPOT_PATH</c> expanded as this
    /// Julia version expands it (<see cref="Expand"/>), or the defaults (<c>~/.julia</c>, then
    /// the system depots) when it is unset or gives no depot. A depot path that julia-net itself set (a child of a Julia it
    /// started) is mapped back to the user's.
    /// </summary>
    public static IReadOnlyList<string> UserDepots(ProcessFacts process, JuliaInfo julia, string cacheRoot)
    {
        var home = Path.Combine(process.Home, ".julia");
        if (!process.Environment.TryGetValue(EnvironmentVariables.DepotPath, out var raw))
        {
            return [home, .. julia.SystemDepots];
        }

        var depots = Expand(raw, julia.Version, home, julia.SystemDepots, process.Home, process.Platform == Platform.Windows).ToList();
        if (depots.Count == 0)
        {
            return [home, .. julia.SystemDepots]; // a blank value (no depots at all from Julia 1.10): julia-net needs a user depot, and takes the default
        }

        if (IsCacheDepot(depots[0], cacheRoot) && process.Env(EnvironmentVariables.UserDepot) is { } userDepot)
        {
            depots[0] = userDepot;
        }

        return depots;
    }

    /// <summary>
    /// <c>JULIA_DEPOT_PATH</c> as Julia turns it into <c>DEPOT_PATH</c> (base/initdefs.jl
    /// <c>init_depot_path</c>, read at each release's tag): entries split on <c>:</c> (<c>;</c> on
    /// Windows), <c>~</c> expanded, an entry already present not added again, a blank value no
    /// depots at all (all of this since Julia 1.2). An empty entry expands to:
    /// <list type="bullet">
    /// <item>up to 1.10: the defaults, <c>~/.julia</c> and the system depots;</item>
    /// <item>1.11.0 and 1.11.1: the system depots; <c>~/.julia</c> goes first only when no entry is
    /// a path (<c>JULIA_DEPOT_PATH=":"</c>) (julia #51448, first in 1.11; 1.10.8 does not have it);</item>
    /// <item>from 1.11.2: the system depots; <c>~/.julia</c> goes first when the first entry is
    /// empty, even if a later entry names it too (julia #56195).</item>
    /// </list>
    /// </summary>
    public static IEnumerable<string> Expand(string raw, string juliaVersion, string userDepot, IReadOnlyList<string> systemDepots, string home, bool windows)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        var bundledOnly = JuliaRelease.AtLeast(juliaVersion, 1, 11, 0);
        var leadingEmptyMeansUser = JuliaRelease.AtLeast(juliaVersion, 1, 11, 2);
        var depots = new List<string>();
        void Add(string depot)
        {
            if (!depots.Contains(depot))
            {
                depots.Add(depot);
            }
        }

        var entries = raw.Split(PathList.Separator(windows));
        foreach (var entry in entries)
        {
            if (entry.Length > 0)
            {
                Add(HomePath.Expand(entry, home));
                continue;
            }

            if (!bundledOnly)
            {
                Add(userDepot);
            }

            foreach (var depot in systemDepots)
            {
                Add(depot);
            }
        }

        var userFirst = leadingEmptyMeansUser ? entries[0].Length == 0 : entries.All(e => e.Length == 0);
        if (bundledOnly && userFirst)
        {
            depots.Insert(0, userDepot);
        }

        return depots;
    }

    /// <summary>The depot path Julia gets: the cache depot, then the user's depots after the first.</summary>
    public static IReadOnlyList<string> JuliaDepotPath(string cacheDepot, IReadOnlyList<string> userDepots) =>
        [cacheDepot, .. userDepots.Skip(1).Where(d => d != cacheDepot)];

    /// <summary>
    /// Whether this launch is a child of a Julia julia-net started (a precompile or Distributed
    /// worker coming back through the launcher): its depot path starts with julia-net's cache
    /// depot and names the user's depot.
    /// </summary>
    public static bool IsChildLaunch(ProcessFacts process, string cacheRoot) =>
        process.Env(EnvironmentVariables.UserDepot) is not null
        && process.Env(EnvironmentVariables.DepotPath) is { } raw
        && IsCacheDepot(raw.Split(PathList.Separator(process.Platform == Platform.Windows))[0], cacheRoot);

    public static bool IsCacheDepot(string path, string cacheRoot) =>
        path.StartsWith(CacheLayout.DepotsRoot(cacheRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
