using JuliaNet.Building;

namespace JuliaNet.Core.Tests;

/// <summary>The object step's report (build_image.jl) and what the user is told of it.</summary>
public sealed class ObjectStepSummarySpecs
{
    private const string Failed = "/images/sys.so.failed-statements.jl";

    private static readonly string[] Report =
    [
        "phase=start",
        "loaded=Printf de0858da-6303-5e67-8744-51eddeeeb8d7 0.0 image",
        "loaded=Greeter 06494650-d4b2-4c25-b0c4-8f2bc77c5ca8 0.412 cache /home/a b/.julia/compiled/v1.5/Greeter/x_y.ji",
        "loaded=Slow 16494650-d4b2-4c25-b0c4-8f2bc77c5ca8 3.1 source",
        "statements_total=409",
        "statements_succeeded=24",
        "statements_failed=385",
        "statements_skipped=0",
        "missing_package=Heavy 380",
        "missing_name=helper 5",
        "status=ok",
    ];

    [Theory]
    [InlineData("status=ok", ReportStatus.Ok)]
    [InlineData("status=error", ReportStatus.Error)]
    [InlineData("status=strict", ReportStatus.Strict)]
    [InlineData("status=other", null)]
    [InlineData("phase=replay", null)]
    public void Parse_StatusLine_IsTheReportStatusOrNone(string line, ReportStatus? status)
    {
        Assert.Equal(status, BuildReport.Parse(["phase=start", line]).Status);
    }

    [Fact]
    public void Parse_Report_GivesPackagesStatementsAndMissingNames()
    {
        var report = BuildReport.Parse(Report);

        Assert.True(report.Succeeded);
        Assert.Equal(
            [("Printf", PackageSource.Image, null), ("Greeter", PackageSource.Cache, "/home/a b/.julia/compiled/v1.5/Greeter/x_y.ji"), ("Slow", PackageSource.Source, null)],
            report.Loaded.Select(p => (p.Name, p.Source, p.CacheFile)));
        Assert.Equal(new StatementCounts(409, 24, 385, 0), report.Statements);
        Assert.Equal([new KeyValuePair<string, int>("Heavy", 380)], report.MissingPackages);
        Assert.Equal([new KeyValuePair<string, int>("helper", 5)], report.MissingNames);
    }

    [Fact]
    public void Parse_StrictStop_GivesStatusAndError()
    {
        var report = BuildReport.Parse(["status=strict", "error=385 of 409 precompile statements failed (more than 10%)"]);

        Assert.False(report.Succeeded);
        Assert.Equal(((ReportStatus?)ReportStatus.Strict, "385 of 409 precompile statements failed (more than 10%)"), (report.Status, report.Error));
    }

    [Fact]
    public void PackagesLine_GroupsByWhereTheyCameFrom()
    {
        Assert.Equal(
            "  packages from precompile caches: Greeter; from source: Slow; already in the base image: Printf",
            ObjectStepSummary.PackagesLine(BuildReport.Parse(Report).Loaded));
    }

    [Fact]
    public void PackagesLine_StdlibsOnlyTheScriptsLoad_AreNamedLastAndNotWarnedOf()
    {
        var loaded = BuildReport.Parse(["loaded=Greeter 06494650-d4b2-4c25-b0c4-8f2bc77c5ca8 0.4 cache /c/G.ji", "loaded=Test 8dfed614-e22c-5e08-85e1-65c5234f0b40 1.2 script-stdlib", "status=ok"]).Loaded;

        Assert.Equal(PackageSource.ScriptStdlib, loaded[1].Source);
        Assert.Equal("  packages from precompile caches: Greeter; standard libraries the scripts load, added: Test", ObjectStepSummary.PackagesLine(loaded));
        Assert.Empty(ObjectStepSummary.PackageWarnings(loaded, "/b/build.log"));
    }

    [Fact]
    public void PackageWarnings_OnePerPackageLoadedFromSource()
    {
        var warning = Assert.Single(ObjectStepSummary.PackageWarnings(BuildReport.Parse(Report).Loaded, "/b/build.log"));

        Assert.StartsWith("Slow was loaded from source", warning, StringComparison.Ordinal);
        Assert.Contains("/b/build.log", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void StatementsWarning_TooManyFailed_NamesThePackageNotInTheImageAndTheFile()
    {
        Assert.Equal(
            $"385 of 409 precompile statements failed: they use Heavy, which is not in the image (add it with --package, or build from a project that has it); the failed statements are in {Failed}",
            ObjectStepSummary.StatementsWarning(BuildReport.Parse(Report), Failed));
    }

    [Fact]
    public void StatementsWarning_SeveralMissingPackages_NamesThemAll()
    {
        var report = BuildReport.Parse(["statements_total=10", "statements_failed=9", "missing_package=A 3", "missing_package=B 3", "missing_package=C 3"]);

        Assert.Contains(": they use A, B and C, which are not in the image (add them with --package", ObjectStepSummary.StatementsWarning(report, Failed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 10, 0, false)]
    [InlineData(100, 11, 0, true)]
    [InlineData(110, 11, 10, true)]  // skipped lines do not count
    [InlineData(0, 0, 0, false)]
    public void TooManyFailed_MoreThanTenPercentOfTheTriedStatements(int total, int failed, int skipped, bool expected)
    {
        Assert.Equal(expected, ObjectStepSummary.TooManyFailed(new StatementCounts(total, total - failed - skipped, failed, skipped)));
        Assert.Equal(expected, ObjectStepSummary.StatementsWarning(BuildReport.Parse([$"statements_total={total}", $"statements_failed={failed}", $"statements_skipped={skipped}"]), Failed) is not null);
    }

    [Fact]
    public void StatementsLine_NamesTheFileOnlyWhenSomeFailed()
    {
        Assert.Equal("  precompile statements: 10 of 10 replayed", ObjectStepSummary.StatementsLine(new StatementCounts(10, 10, 0, 0), null));
        Assert.Equal($"  precompile statements: 9 of 10 replayed, 1 failed (listed in {Failed})", ObjectStepSummary.StatementsLine(new StatementCounts(10, 9, 1, 0), Failed));
    }
}
