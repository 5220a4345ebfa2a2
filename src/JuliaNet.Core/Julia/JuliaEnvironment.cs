using JuliaNet.Processes;
namespace JuliaNet.Julia;

/// <summary>The Julia environment variables the tools clear or set for the Julia processes they start, in one place.</summary>
public static class JuliaEnvironment
{
    /// <summary>Where Julia looks for packages and caches. The probe clears them, so it reports Julia's defaults.</summary>
    public static readonly IReadOnlyList<string> Loading = [EnvironmentVariables.DepotPath, EnvironmentVariables.LoadPath, EnvironmentVariables.Project];

    /// <summary>
    /// What every build process starts without: the loading variables (the build sets its own),
    /// the CPU target (given as <c>--cpu-target</c>: a target given only through the variable is
    /// ignored by image builds, PackageCompiler PR #804) and julia-net's launcher variable (so
    /// <c>julia_cmd()</c> in the build is the recorded launcher).
    /// </summary>
    public static readonly IReadOnlyList<string> ClearedForBuild = [.. Loading, EnvironmentVariables.CpuTarget, EnvironmentVariables.Launcher];

    /// <summary>The variables as a change set that removes each.</summary>
    public static Dictionary<string, string?> Cleared(IEnumerable<string> names) =>
        names.ToDictionary(name => name, _ => (string?)null, StringComparer.Ordinal);
}
