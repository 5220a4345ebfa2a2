namespace JuliaNet.Building;

/// <summary>What the user is told after the object step: where each package came from, and how the statements replayed.</summary>
public static class ObjectStepSummary
{
    /// <summary>More failed statements than this share of those tried is a warning (with --strict, an error).</summary>
    public const int StatementWarningPercent = 10;

    public static bool TooManyFailed(StatementCounts counts) =>
        counts.Failed * 100 > StatementWarningPercent * counts.Replayable;

    /// <summary>Before the build: the packages that go in, and the dependencies that come with them.</summary>
    public static string RequestedLine(IReadOnlyList<ProjectPackage> packages, IReadOnlyList<ProjectPackage> dependencies) =>
        "  packages: " + (packages.Count == 0 ? "none" : string.Join(", ", packages.Select(p => p.Name)))
        + (dependencies.Count == 0 ? "" : "; with their dependencies: " + string.Join(", ", dependencies.Select(p => p.Name)));

    /// <summary>One line: the packages by where they were loaded from, or null when there were none.</summary>
    public static string? PackagesLine(IReadOnlyList<PackageLoad> loaded)
    {
        if (loaded.Count == 0)
        {
            return null;
        }

        var groups = new (PackageSource Source, string Label)[]
        {
            (PackageSource.Cache, "from precompile caches"),
            (PackageSource.Source, "from source"),
            (PackageSource.Image, "already in the base image"),
            (PackageSource.Unknown, "from where this Julia does not say"),
            (PackageSource.ScriptStdlib, "standard libraries the scripts load, added"),
        };
        return "  packages " + string.Join("; ", groups
            .Select(g => (g.Label, Names: loaded.Where(p => p.Source == g.Source).Select(p => p.Name).ToArray()))
            .Where(g => g.Names.Length > 0)
            .Select(g => $"{g.Label}: {string.Join(", ", g.Names)}"));
    }

    /// <summary>A warning for each package loaded from source.</summary>
    public static IEnumerable<string> PackageWarnings(IReadOnlyList<PackageLoad> loaded, string log) =>
        loaded.Where(p => p.Source == PackageSource.Source).Select(p =>
            $"{p.Name} was loaded from source, not from a precompile cache, while the image was generated, so the image carries slower code for it (did precompiling it fail, or does it declare __precompile__(false)? log: {log})");

    public static string StatementsLine(StatementCounts counts, string? failedFile) =>
        $"  precompile statements: {counts.Succeeded} of {counts.Replayable} replayed" +
        (counts.Failed > 0 ? $", {counts.Failed} failed" + (failedFile is null ? "" : $" (listed in {failedFile})") : "");

    /// <summary>The warning when too many statements failed, naming the likely cause; null when few failed.</summary>
    public static string? StatementsWarning(BuildReport report, string failedFile)
    {
        if (report.Statements is not { } counts || !TooManyFailed(counts))
        {
            return null;
        }

        var missing = report.MissingPackages.Select(p => p.Key).ToArray();
        var cause = missing.Length switch
        {
            0 => "",
            1 => $": they use {missing[0]}, which is not in the image (add it with --package, or build from a project that has it)",
            _ => $": they use {string.Join(", ", missing[..^1])} and {missing[^1]}, which are not in the image (add them with --package, or build from a project that has them)",
        };
        return $"{counts.Failed} of {counts.Replayable} precompile statements failed{cause}; the failed statements are in {failedFile}";
    }
}
