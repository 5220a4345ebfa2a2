using JuliaNet.Bench.Measure;
using JuliaNet.Bench.Report;

namespace JuliaNet.Bench.Tests;

public sealed class ClusterReportSpecs
{
    private static readonly Machine Machine =
        new("Test CPU", 2, "23.5 GiB", "Debian GNU/Linux 12 (bookworm), kernel 6.1", "julia version 1.10.8", ".NET 10.0.0", "abc1234", new DateTimeOffset(2025, 1, 2, 3, 4, 0, TimeSpan.Zero), "0.5 at the start, 0.7 at the end");

    /// <summary>8 workers: 60 s without, 3 s with (20x); 16 workers: 120 s without, 4 s with (30x).</summary>
    private static readonly ClusterFigure Figure = new(60, 32,
    [
        new ClusterPoint(8, new Samples([61.0, 60.0, 59.0]), new Samples([3.0, 3.1, 2.9])),
        new ClusterPoint(16, new Samples([120.0, 118.0, 125.0]), new Samples([4.0, 4.2, 3.9])),
    ]);

    private static readonly BenchResults Results = new(
        Machine,
        BenchOptions.Parse([]),
        new LauncherOverhead(60, new Samples([0.26]), new Samples([0.25])),
        [new BuildCost(60, 120, [new StepCost("object", 95, 2_400_000)], 170L << 20, new Samples([0.25]))],
        [new FirstResult(60, new Samples([9.0]), new Samples([0.30]), new Samples([0.28]), 0.001)]);

    private static string Section(string page)
    {
        var open = page.IndexOf(ClusterSection.Open, StringComparison.Ordinal);
        var close = page.IndexOf(ClusterSection.Close, StringComparison.Ordinal);
        Assert.True(open >= 0 && close > open, "no cluster part in:\n" + page);
        return page[open..close];
    }

    [Fact]
    public void Speedup_IsMedianWithoutOverMedianWith()
    {
        Assert.Equal(20, Figure.Points[0].Speedup, 9);
        Assert.Equal(30, Figure.Points[1].Speedup, 9);
    }

    [Fact]
    public void Markdown_ClusterMeasured_HeadlineHasARowPerWorkerCount()
    {
        var md = MarkdownReport.Render(Results with { Cluster = Figure }, "chart.svg");

        Assert.Contains("| first results of 8 SLURM workers, Synth60: without / with the image (1m00s / 3.00 s) | 20.0x | - |", md, StringComparison.Ordinal);
        Assert.Contains("| first results of 16 SLURM workers, Synth60: without / with the image (2m00s / 4.00 s) | 30.0x | - |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_ClusterMeasured_SectionHasATableRowPerWorkerCountAndTheCommands()
    {
        var section = Section(MarkdownReport.Render(Results with { Cluster = Figure }, "chart.svg"));

        Assert.Contains("| 8 | 1m00s | 3.00 s | 20.0x |", section, StringComparison.Ordinal);
        Assert.Contains("| 16 | 2m00s | 4.00 s | 30.0x |", section, StringComparison.Ordinal);
        Assert.Contains("3 round(s) per worker count, in this run", section, StringComparison.Ordinal);
        Assert.Contains("`JULIA_PROJECT=P JULIA_WORKER_TIMEOUT=600 BENCH_PACKAGE=Synth60 BENCH_WORKERS=16 julia cluster_first_results.jl`", section, StringComparison.Ordinal);
        Assert.Contains("`JULIA_PROJECT=P JULIA_WORKER_TIMEOUT=600 BENCH_PACKAGE=Synth60 BENCH_WORKERS=16 julia-net --sysimage IMG cluster_first_results.jl`", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_ClusterSkipped_SectionSaysWhyAndTheHeadlineHasNoClusterRow()
    {
        var md = MarkdownReport.Render(Results with { ClusterSkipped = "--no-cluster was given" }, "chart.svg");

        Assert.Contains("Not measured: --no-cluster was given.", Section(md), StringComparison.Ordinal);
        Assert.DoesNotContain("SLURM workers", md, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterOnly_Render_SaysItWasMeasuredApartAndHow()
    {
        var block = ClusterSection.Render(new ClusterRun(Machine, BenchOptions.Parse(["--cluster-only"]), Figure, new ImageCheck(false, 0.2)));

        Assert.StartsWith(ClusterSection.Open + "\n", block, StringComparison.Ordinal);
        Assert.EndsWith(ClusterSection.Close + "\n", block, StringComparison.Ordinal);
        Assert.Contains("Measured on its own by `dotnet cake --target=Bench --cluster-only` on 2025-01-02 03:04 UTC (commit abc1234, julia version 1.10.8", block, StringComparison.Ordinal);
        Assert.Contains("found up to date by julia-sysimage without `--force`", block, StringComparison.Ordinal);
        Assert.Contains("| 16 | 2m00s | 4.00 s | 30.0x |", block, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeCluster_SectionWithAClusterPart_ReplacesOnlyThatPart()
    {
        var page = BenchmarkPage.Merge(null, "1.10", Machine.Julia, MarkdownReport.Render(Results with { ClusterSkipped = "SLURM is not installed" }, "chart.svg"));
        var block = ClusterSection.Render(new ClusterRun(Machine, BenchOptions.Parse(["--cluster-only"]), Figure, new ImageCheck(true, 200)));

        var merged = BenchmarkPage.MergeCluster(page, "1.10", Machine.Julia, block);

        Assert.DoesNotContain("Not measured: SLURM is not installed", merged, StringComparison.Ordinal);
        Assert.Contains("### Cluster: first results of N workers", merged, StringComparison.Ordinal);
        Assert.Contains("| 8 | 1m00s | 3.00 s | 20.0x |", merged, StringComparison.Ordinal);
        Assert.Equal(page[..page.IndexOf(ClusterSection.Open, StringComparison.Ordinal)], merged[..merged.IndexOf(ClusterSection.Open, StringComparison.Ordinal)]);
        Assert.Equal(page[page.IndexOf(ClusterSection.Close, StringComparison.Ordinal)..], merged[merged.IndexOf(ClusterSection.Close, StringComparison.Ordinal)..]);
    }

    [Fact]
    public void MergeCluster_SectionWithoutAClusterPart_AddsItAtTheSectionsEnd()
    {
        var page = BenchmarkPage.Merge(null, "1.10", Machine.Julia, "# Benchmarks\n\n## Headline\n\nolder run\n");
        var block = ClusterSection.Render(new ClusterRun(Machine, BenchOptions.Parse(["--cluster-only"]), Figure, new ImageCheck(false, 0.2)));

        var merged = BenchmarkPage.MergeCluster(page, "1.10", Machine.Julia, block);

        Assert.Contains("### Headline\n\nolder run\n\n" + ClusterSection.Open + "\n### Cluster", merged, StringComparison.Ordinal);
        Assert.EndsWith(ClusterSection.Close + "\n<!-- /bench julia-1.10 -->\n", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeCluster_NoSectionForTheRelease_StartsOneAndKeepsTheOthers()
    {
        var page = BenchmarkPage.Merge(null, "1.5", "julia version 1.5.3", "# Benchmarks\n\n## Headline\n\nthe 1.5 run\n");
        var block = ClusterSection.Render(new ClusterRun(Machine, BenchOptions.Parse(["--cluster-only"]), Figure, new ImageCheck(false, 0.2)));

        var merged = BenchmarkPage.MergeCluster(page, "1.10", Machine.Julia, block);

        Assert.Contains("<!-- bench julia-1.5 -->\n## Julia 1.5.3\n\n### Headline\n\nthe 1.5 run\n<!-- /bench julia-1.5 -->\n", merged, StringComparison.Ordinal);
        Assert.Contains("<!-- bench julia-1.10 -->\n## Julia 1.10.8\n\n" + ClusterSection.Open + "\n### Cluster", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeCluster_RunTwice_KeepsOneClusterPart()
    {
        var block = ClusterSection.Render(new ClusterRun(Machine, BenchOptions.Parse(["--cluster-only"]), Figure, new ImageCheck(false, 0.2)));

        var twice = BenchmarkPage.MergeCluster(BenchmarkPage.MergeCluster(null, "1.10", Machine.Julia, block), "1.10", Machine.Julia, block);

        Assert.Single(twice.Split('\n'), l => l == ClusterSection.Open);
    }
}
