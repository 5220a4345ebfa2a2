using JuliaNet.Bench.Measure;
using JuliaNet.Bench.Report;
using JuliaNet.Bench.Running;

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

    /// <summary>addprocs of 4 local workers: 7.4 s on Julia's default image, 2.0 s on the worker image (3.7x).</summary>
    private static readonly AddProcsFigure AddProcs = new(60, 4, new Samples([7.5, 7.4, 7.3]), new Samples([2.0, 2.1, 1.9]));

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

        Assert.Contains("| first results of 8 SLURM workers, Synth60: without / with the worker image (1m00s / 3.00 s) | 20.0x | - |", md, StringComparison.Ordinal);
        Assert.Contains("| first results of 16 SLURM workers, Synth60: without / with the worker image (2m00s / 4.00 s) | 30.0x | - |", md, StringComparison.Ordinal);
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
    public void Markdown_ClusterMeasured_SectionNamesTheWorkerImageAndItsBuildWithDistributed()
    {
        var section = Section(MarkdownReport.Render(Results with { Cluster = Figure, AddProcs = AddProcs, WorkerImage = new ImageCheck(false, 0.4) }, "chart.svg"));

        Assert.Contains("\"With the image\" below is Synth60's worker image, `images/synth60-workers.so` in the work directory, which julia-sysimage `--distributed` without `--force` makes ready (found up to date by it in this run, 400 ms)", section, StringComparison.Ordinal);
        Assert.Contains("| the worker image (IMG) | `julia-sysimage --distributed --julia julia --project P --script P/precompile.jl IMG` |", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_AddProcsMeasured_HeadlineHasItsRowBeforeTheSlurmRows()
    {
        var md = MarkdownReport.Render(Results with { Cluster = Figure, AddProcs = AddProcs }, "chart.svg");

        const string row = "| addprocs of 4 local workers, Julia's default image / the worker image (7.40 s / 2.00 s) | 3.7x | - |";
        Assert.Contains(row, md, StringComparison.Ordinal);
        Assert.True(md.IndexOf(row, StringComparison.Ordinal) < md.IndexOf("| first results of 8 SLURM workers", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_AddProcsMeasured_SectionHasTheLineAndBothCommands()
    {
        var section = Section(MarkdownReport.Render(Results with { Cluster = Figure, AddProcs = AddProcs }, "chart.svg"));

        Assert.Contains("\naddprocs of 4 local workers, Julia's default image / the worker image: 3.7x (7.40 s / 2.00 s)\n", section, StringComparison.Ordinal);
        Assert.Contains("3 rounds after one unmeasured, in this run", section, StringComparison.Ordinal);
        Assert.Contains("| addprocs, Julia's default image | `JULIA_PROJECT=P JULIA_WORKER_TIMEOUT=600 BENCH_WORKERS=4 julia addprocs_local.jl` |", section, StringComparison.Ordinal);
        Assert.Contains("| addprocs, the worker image | `JULIA_PROJECT=P JULIA_WORKER_TIMEOUT=600 BENCH_WORKERS=4 julia-net --sysimage IMG addprocs_local.jl` |", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_AddProcsWithoutSlurm_SectionHasTheLineAndSaysWhyNoSlurmFigure()
    {
        var md = MarkdownReport.Render(Results with { AddProcs = AddProcs, ClusterSkipped = "SLURM is not installed" }, "chart.svg");
        var section = Section(md);

        Assert.Contains("addprocs of 4 local workers, Julia's default image / the worker image: 3.7x (7.40 s / 2.00 s)", section, StringComparison.Ordinal);
        Assert.Contains("First results of SLURM workers: not measured: SLURM is not installed.", section, StringComparison.Ordinal);
        Assert.DoesNotContain("cluster_first_results.jl`", section, StringComparison.Ordinal);
        Assert.Contains("| addprocs of 4 local workers, Julia's default image / the worker image (7.40 s / 2.00 s) | 3.7x | - |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("SLURM workers,", md, StringComparison.Ordinal);
    }

    [Fact]
    public void AddProcs_Ratio_IsDefaultImageMedianOverWorkerImageMedian()
    {
        Assert.Equal(3.7, AddProcs.Ratio, 9);
    }

    [Fact]
    public void WorkerImageBuild_IsTheUpToDateBuildWithDistributed()
    {
        var t = new Tools("/j/julia", "/b/julia-net", "/b/julia-sysimage");

        var build = Commands.WorkerImageBuild(t, "/w/synth-60", "/w/images/synth60-workers.so");

        Assert.Equal("/b/julia-sysimage", build.Program);
        Assert.Equal(["--distributed", .. Commands.NoOpBuild(t, "/w/synth-60", "/w/images/synth60-workers.so").Args], build.Args);
        Assert.DoesNotContain("--force", build.Args);
    }

    [Fact]
    public void AddProcsScript_IsEmbedded_WithUsingAndAddprocsAsTopLevelStatementsOfTheirOwn()
    {
        var lines = EmbeddedScript.Text(ClusterSection.AddProcsScript).Split('\n');

        Assert.Contains("using Distributed", lines);
        Assert.Contains(lines, l => l.StartsWith("const pids = addprocs(", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("begin", StringComparison.Ordinal) || l.StartsWith("let", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_NoClusterPart_SectionSaysWhyAndTheHeadlineHasNoClusterRow()
    {
        var md = MarkdownReport.Render(Results with { ClusterSkipped = "--no-cluster was given" }, "chart.svg");

        Assert.Contains("Not measured: --no-cluster was given.", Section(md), StringComparison.Ordinal);
        Assert.DoesNotContain("SLURM workers", md, StringComparison.Ordinal);
        Assert.DoesNotContain("addprocs of", md, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterOnly_Render_SaysItWasMeasuredApartAndHow()
    {
        var block = ClusterSection.Render(new ClusterRun(Machine, BenchOptions.Parse(["--cluster-only"]), Figure, new ImageCheck(false, 0.2), AddProcs));

        Assert.StartsWith(ClusterSection.Open + "\n", block, StringComparison.Ordinal);
        Assert.EndsWith(ClusterSection.Close + "\n", block, StringComparison.Ordinal);
        Assert.Contains("Measured on its own by `dotnet cake --target=Bench --cluster-only` on 2025-01-02 03:04 UTC (commit abc1234, julia version 1.10.8", block, StringComparison.Ordinal);
        Assert.Contains("julia-sysimage `--distributed` without `--force` makes ready (found up to date by it in that run, 200 ms)", block, StringComparison.Ordinal);
        Assert.Contains("addprocs of 4 local workers, Julia's default image / the worker image: 3.7x (7.40 s / 2.00 s)", block, StringComparison.Ordinal);
        Assert.Contains("| 16 | 2m00s | 4.00 s | 30.0x |", block, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterOnly_RenderWithoutSlurm_HasTheAddProcsLineAndSaysWhyNoSlurmFigure()
    {
        var block = ClusterSection.Render(new ClusterRun(Machine, BenchOptions.Parse(["--cluster-only"]), null, new ImageCheck(true, 150), AddProcs, "SLURM is not installed"));

        Assert.Contains("makes ready (built by it in that run, 2m30s)", block, StringComparison.Ordinal);
        Assert.Contains("addprocs of 4 local workers, Julia's default image / the worker image: 3.7x (7.40 s / 2.00 s)", block, StringComparison.Ordinal);
        Assert.Contains("First results of SLURM workers: not measured: SLURM is not installed.", block, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeCluster_AddProcsLine_LandsInTheClusterPartAndTheHeadlineIsKept()
    {
        var page = BenchmarkPage.Merge(null, "1.10", Machine.Julia, MarkdownReport.Render(Results with { Cluster = Figure }, "chart.svg"));
        var block = ClusterSection.Render(new ClusterRun(Machine, BenchOptions.Parse(["--cluster-only"]), Figure, new ImageCheck(false, 0.2), AddProcs));

        var merged = BenchmarkPage.MergeCluster(page, "1.10", Machine.Julia, block);

        var part = Section(merged);
        Assert.Contains("addprocs of 4 local workers, Julia's default image / the worker image: 3.7x (7.40 s / 2.00 s)", part, StringComparison.Ordinal);
        Assert.Contains("| first results of 8 SLURM workers, Synth60: without / with the worker image (1m00s / 3.00 s) | 20.0x | - |", merged, StringComparison.Ordinal);
        Assert.Single(merged.Split('\n'), l => l == ClusterSection.Open);
    }

    [Fact]
    public void MergeCluster_SectionWithAClusterPart_ReplacesOnlyThatPart()
    {
        var page = BenchmarkPage.Merge(null, "1.10", Machine.Julia, MarkdownReport.Render(Results with { ClusterSkipped = "SLURM is not installed" }, "chart.svg"));
        var block = ClusterSection.Render(new ClusterRun(Machine, BenchOptions.Parse(["--cluster-only"]), Figure, new ImageCheck(true, 200)));

        var merged = BenchmarkPage.MergeCluster(page, "1.10", Machine.Julia, block);

        Assert.DoesNotContain("Not measured: SLURM is not installed", merged, StringComparison.Ordinal);
        Assert.Contains("### Cluster: Distributed workers with the worker image", merged, StringComparison.Ordinal);
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
