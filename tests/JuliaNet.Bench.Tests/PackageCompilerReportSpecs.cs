using JuliaNet.Bench.Measure;
using JuliaNet.Bench.Report;

namespace JuliaNet.Bench.Tests;

public sealed class PackageCompilerReportSpecs
{
    private static readonly BenchResults Results = new(
        new Machine("Test CPU", 2, "23.5 GiB", "Debian GNU/Linux 12 (bookworm), kernel 6.1", "julia version 1.10.8", ".NET 10.0.0", "abc1234", new DateTimeOffset(2025, 1, 2, 3, 4, 0, TimeSpan.Zero), "0.5 at the start, 0.7 at the end"),
        BenchOptions.Parse(["--quick"]),
        new LauncherOverhead(20, new Samples([0.26]), new Samples([0.25])),
        [new BuildCost(20, 200, [new StepCost("object", 180, 3_000_000)], 160L << 20, new Samples([0.02]))],
        [new FirstResult(20, new Samples([8.0]), new Samples([0.30]), new Samples([0.28]), 0.001)]);

    private static ComparisonSetting Setting(int? threads, bool oursFirst, double oursWall, double theirsWall) => new(
        threads,
        oursFirst,
        new ToolBuild(oursWall, new TreePeak(PeakPssKb: 2_048_000, PeakRssKb: 2_400_000, LargestProcessKb: 1_900_000, Samples: 900), 150L << 20, ImageThreads: threads ?? 2),
        new ToolBuild(theirsWall, new TreePeak(PeakPssKb: 2_560_000, PeakRssKb: 2_900_000, LargestProcessKb: 2_000_000, Samples: 1200), 200L << 20),
        OursDirect: new Samples([0.30, 0.31, 0.32]),
        TheirsDirect: new Samples([0.29, 0.30, 0.31]),
        OursLauncher: new Samples([0.31, 0.32, 0.33]),
        OursWarm: new Samples([0.0011, 0.0010, 0.0012]),
        TheirsWarm: new Samples([0.0010, 0.0010, 0.0010]));

    private static readonly PackageCompilerComparison Comparison = new(
        20,
        new PackageCompilerEnvironment("/root/pc/env", OptionSource.EnvironmentVariable),
        "2.4.0",
        [Setting(1, oursFirst: true, 180, 240), Setting(2, oursFirst: false, 120, 150), Setting(null, oursFirst: true, 120, 240)]);

    private static string Render(PackageCompilerComparison? comparison) => MarkdownReport.Render(Results with { PackageCompiler = comparison }, "chart.svg");

    [Fact]
    public void Markdown_NotCompared_SectionSaysHowToRunIt()
    {
        var md = Render(null);

        Assert.Contains(PackageCompilerSection.Heading + "\n\nNot measured in this run. It needs `--packagecompiler ENVDIR` or `JULIA_NET_BENCH_PACKAGECOMPILER=ENVDIR`", md, StringComparison.Ordinal);
        Assert.DoesNotContain("against PackageCompiler", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Compared_SectionComesBeforeTheHandMeasuredOne()
    {
        var md = Render(Comparison);

        Assert.True(md.IndexOf(PackageCompilerSection.Heading, StringComparison.Ordinal) > md.IndexOf("## Processes a build runs", StringComparison.Ordinal));
        Assert.True(md.IndexOf(PackageCompilerSection.Heading, StringComparison.Ordinal) < md.IndexOf(HelperLoadCost.Heading, StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_Compared_SaysWhichPackageCompilerAndWhereItCameFrom()
    {
        var md = Render(Comparison);

        Assert.Contains("PackageCompiler 2.4.0 (the environment `/root/pc/env`, from `JULIA_NET_BENCH_PACKAGECOMPILER`) built the image of Synth20", md, StringComparison.Ordinal);
        Assert.Contains("JULIA_IMAGE_THREADS=1 for both, JULIA_IMAGE_THREADS=2 for both, each tool's default", md, StringComparison.Ordinal);
        Assert.Contains("(it said 2 here)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Compared_BuildRowsAreRatiosOursOverTheirs()
    {
        var md = Render(Comparison);

        Assert.Contains("| JULIA_IMAGE_THREADS=1 for both | julia-sysimage | 3m00s / 4m00s = 0.75 | 2000 MB / 2500 MB = 0.80 | 1855 MB / 1953 MB = 0.95 | 150.0 MB / 200.0 MB = 0.75 |", md, StringComparison.Ordinal);
        Assert.Contains("| JULIA_IMAGE_THREADS=2 for both | PackageCompiler | 2m00s / 2m30s = 0.80 |", md, StringComparison.Ordinal);
        Assert.Contains("| each tool's default | julia-sysimage | 2m00s / 4m00s = 0.50 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Compared_WorkloadRowsAreRatiosOfMedians()
    {
        var md = Render(Comparison);

        Assert.Contains("| JULIA_IMAGE_THREADS=1 for both | 310 ms / 300 ms = 1.03 | 320 ms / 300 ms = 1.07 | 1.10 ms / 1.00 ms = 1.10 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Compared_HeadlineGivesTheDefaultsRatios()
    {
        var md = Render(Comparison);

        Assert.Contains("| against PackageCompiler 2.4.0, Synth20 at each tool's default: build wall time, peak memory of the process tree, workload with `julia -J IMG` (julia-sysimage / PackageCompiler) | 0.50, 0.80, 1.03 | - |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Compared_CommandsAndDriverScriptAreTheOnesRun()
    {
        var md = Render(Comparison);

        Assert.Contains("| PackageCompiler build | `JULIA_DEPOT_PATH=PCDEPOT JULIA_PKG_OFFLINE=true JULIA_IMAGE_THREADS=1 julia --startup-file=no --project=ENVDIR packagecompiler_build.jl SynthN Q P/precompile.jl IMG` |", md, StringComparison.Ordinal);
        Assert.Contains("| julia-sysimage build | `JULIA_IMAGE_THREADS=1 julia-sysimage --force --julia julia --project Q --script P/precompile.jl IMG` |", md, StringComparison.Ordinal);
        Assert.Contains("| workload, either image | `julia -Cnative -J IMG --project=Q -e 'using SynthN; SynthN.workload()'` |", md, StringComparison.Ordinal);
        Assert.Contains("```julia\n# packagecompiler_build.jl", md, StringComparison.Ordinal);
        Assert.Contains("create_sysimage([Symbol(name)]; sysimage_path = image, precompile_execution_file = script, project = project)\n```", md, StringComparison.Ordinal);
    }
}
