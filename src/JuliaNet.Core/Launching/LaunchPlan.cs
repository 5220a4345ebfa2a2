namespace JuliaNet.Launching;

/// <summary>Exactly what julia-net will run: program, full argv and environment, and why.</summary>
/// <param name="Argv">The full argument vector, <c>Argv[0]</c> being the Julia executable.</param>
public sealed record LaunchPlan(
    string Julia,
    IReadOnlyList<string> Argv,
    IReadOnlyDictionary<string, string> Environment,
    string Launcher,
    string Image,
    string JuliaVersion,
    string? CpuTarget,
    string CacheRoot,
    string CacheDepot,
    string UserDepot,
    IReadOnlyList<string> DepotPath,
    StaleImage? Stale = null);

/// <summary>The image's stale check: how to treat a change, what changed (null: nothing), and the command that rebuilds it.</summary>
public sealed record StaleImage(Images.StaleMode Mode, string? Change, IReadOnlyList<string> Rebuild);
