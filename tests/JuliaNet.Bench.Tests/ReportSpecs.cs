using System.Xml.Linq;
using JuliaNet.Bench.Measure;
using JuliaNet.Bench.Report;

namespace JuliaNet.Bench.Tests;

public sealed class ReportSpecs
{
    private static readonly BenchResults Results = new(
        new Machine("Test CPU", 2, "23.5 GiB", "Debian GNU/Linux 12 (bookworm), kernel 6.1", "julia version 1.5.3", ".NET 10.0.0", "abc1234", new DateTimeOffset(2025, 1, 2, 3, 4, 0, TimeSpan.Zero), "0.5 at the start, 0.7 at the end"),
        BenchOptions.Parse([]),
        new LauncherOverhead(60, new Samples([0.26, 0.25, 0.27]), new Samples([0.24, 0.25, 0.25])),
        [
            new BuildCost(10, 80, [new StepCost("precompile", 2, 200_000), new StepCost("object", 60, 2_000_000), new StepCost("link", 4, 100_000)], 150L << 20, new Samples([0.2])),
            new BuildCost(60, 120, [new StepCost("precompile", 3, 250_000), new StepCost("object", 95, 2_400_000), new StepCost("link", 5, 120_000)], 170L << 20, new Samples([0.25])),
        ],
        [
            new FirstResult(10, new Samples([2.0]), new Samples([0.30]), new Samples([0.10]), 0.0002),
            new FirstResult(60, new Samples([9.0]), new Samples([0.30]), new Samples([0.28]), 0.001),
        ],
        new BuildProcesses(
            10,
            new Dictionary<string, int> { ["cc"] = 1, ["julia"] = 5, ["julia-sysimage"] = 1, ["ld"] = 1 },
            new Dictionary<string, int> { ["julia-sysimage"] = 1 }));

    /// <summary>Own time 5 ms (6.2 - 1.2), the baseline's 6 ms (7.2 - 1.2): a ratio of 0.83.</summary>
    private static BenchResults WithBaseline(BenchResults r) => r with
    {
        Launcher = r.Launcher with
        {
            WatchedPaths = 486,
            Own = new OwnTime(new Samples([0.0062]), new Samples([0.0012]), new BaselineLaunches("/old/julia-net", new Samples([0.0072]))),
        },
    };

    /// <summary>The baseline's figures and an empty Native AOT program of 1.25 ms: own times 4.00 (5 ms) and 4.80 (6 ms) of it.</summary>
    private static BenchResults WithEmptyProgram(BenchResults r)
    {
        var b = WithBaseline(r);
        return b with { Launcher = b.Launcher with { Own = b.Launcher.Own! with { EmptyProgram = new Samples([0.00125, 0.0012, 0.0013]) } } };
    }

    private static LauncherRun LauncherRun(bool built) =>
        new(Results.Machine, BenchOptions.Parse(["--launcher-only"]), WithBaseline(Results).Launcher, new ImageCheck(built, built ? 220 : 0.18));

    [Theory]
    [InlineData(0.3, 0.5)]
    [InlineData(1, 1)]
    [InlineData(1.2, 2)]
    [InlineData(2.2, 2.5)]
    [InlineData(9.1, 10)]
    [InlineData(130, 200)]
    [InlineData(0, 1)]
    public void NiceMax_Value_RoundsUpToAReadableAxisEnd(double max, double expected)
    {
        Assert.Equal(expected, SvgChart.NiceMax(max), 9);
    }

    [Fact]
    public void Chart_Results_IsSvgWithOneLinePerSeries()
    {
        var svg = XDocument.Parse(BenchChart.Render(Results));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal(5, svg.Descendants(ns + "polyline").Count());
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "Time to first result (whole process)");
    }

    [Fact]
    public void Markdown_JuliaupMeasured_HeadlineAndLauncherSectionShowItsRatio()
    {
        var results = Results with { Launcher = Results.Launcher with { Juliaup = new Samples([0.25, 0.26, 0.254]) } };

        var md = MarkdownReport.Render(results, "chart.svg");

        Assert.Contains("| launcher overhead through a juliaup channel: `julia-net +bench` / `julia -Cnative -J IMG`, `-e 0` (254 ms / 250 ms) | 1.02 | at most 1.02: met |", md, StringComparison.Ordinal);
        Assert.Contains("| `julia-net +bench --sysimage IMG -e 0` | 254 ms |", md, StringComparison.Ordinal);
        Assert.Contains("| ratio C / B | 1.02 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_LauncherSection_SaysHowManyPathsTheStaleCheckCovered()
    {
        var md = MarkdownReport.Render(Results with { Launcher = Results.Launcher with { WatchedPaths = 487 } }, "chart.svg");

        Assert.Contains("its metadata records 487 paths", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_OwnTimeMeasured_HeadlineAndLauncherSectionGiveIt()
    {
        var own = new OwnTime(new Samples([0.0062, 0.0063, 0.0061]), new Samples([0.0012, 0.0011, 0.0013]));
        var md = MarkdownReport.Render(Results with { Launcher = Results.Launcher with { WatchedPaths = 486, Own = own } }, "chart.svg");

        Assert.Contains("| julia-net's own time per launch, stale check of 486 paths included | 5.00 ms | - |", md, StringComparison.Ordinal);
        Assert.Contains("julia-net's own time, the part of A that is not Julia's: 5.00 ms (3 rounds", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_BaselineMeasured_HeadlineGivesBothOwnTimesAndTheirRatio()
    {
        var md = MarkdownReport.Render(WithBaseline(Results), "chart.svg");

        Assert.Contains("| julia-net's own time per launch, this julia-net / the baseline `/old/julia-net` (5.00 ms / 6.00 ms) | 0.83 | - |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_BaselineMeasured_LauncherSectionHasARowForEachJuliaNetAndTheRatio()
    {
        var md = MarkdownReport.Render(WithBaseline(Results), "chart.svg");

        Assert.Contains("| this julia-net | 6.20 ms | 5.00 ms |", md, StringComparison.Ordinal);
        Assert.Contains("| baseline `/old/julia-net` | 7.20 ms | 6.00 ms |", md, StringComparison.Ordinal);
        Assert.Contains("| ratio this / baseline | - | 0.83 |", md, StringComparison.Ordinal);
        Assert.Contains("`JULIA_NET_CACHE_DIR=BASELINE-CACHE BASELINE --julia STAND-IN --sysimage IMG -e 0`", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_OwnTimeWithoutBaseline_HasNoBaselineRows()
    {
        var own = new OwnTime(new Samples([0.0062]), new Samples([0.0012]));
        var md = MarkdownReport.Render(Results with { Launcher = Results.Launcher with { Own = own } }, "chart.svg");

        Assert.Contains("julia-net's own time per launch, stale check", md, StringComparison.Ordinal);
        Assert.DoesNotContain("baseline", md, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void LauncherReport_UpToDateImage_SaysSoAndGivesTheLauncherHeadlineAndSection()
    {
        var md = LauncherReport.Render(LauncherRun(built: false));

        Assert.Contains("- The image of Synth60: julia-sysimage without `--force` found it up to date (180 ms).", md, StringComparison.Ordinal);
        Assert.Contains("| launcher overhead: `julia-net` / `julia -Cnative -J IMG`, `-e 0` (260 ms / 250 ms) | 1.04 | at most 1.02: **not met** |", md, StringComparison.Ordinal);
        Assert.Contains("| julia-net's own time per launch, this julia-net / the baseline `/old/julia-net` (5.00 ms / 6.00 ms) | 0.83 | - |", md, StringComparison.Ordinal);
        Assert.Contains("| ratio this / baseline | - | 0.83 |", md, StringComparison.Ordinal);
        Assert.Contains("| commit | abc1234 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void LauncherReport_BuiltImage_SaysJuliaSysimageBuiltIt()
    {
        var md = LauncherReport.Render(LauncherRun(built: true));

        Assert.Contains("- The image of Synth60: julia-sysimage without `--force` built it (3m40s): it was missing or its inputs had changed.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void LauncherReport_HasOnlyTheLauncherMeasures()
    {
        var md = LauncherReport.Render(LauncherRun(built: false));

        Assert.DoesNotContain("## Time to first result", md, StringComparison.Ordinal);
        Assert.DoesNotContain("## Image build cost", md, StringComparison.Ordinal);
        Assert.DoesNotContain(HelperLoadCost.Heading, md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_JuliaupNotMeasured_HasNoJuliaupRow()
    {
        var md = MarkdownReport.Render(Results, "chart.svg");

        Assert.DoesNotContain("juliaup channel: `julia-net", md, StringComparison.Ordinal);
        Assert.DoesNotContain("ratio C / B", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Results_HeadlineHasRatiosAndVerdicts()
    {
        var md = MarkdownReport.Render(Results, "chart.svg");

        Assert.Contains("| launcher overhead: `julia-net` / `julia -Cnative -J IMG`, `-e 0` (260 ms / 250 ms) | 1.04 | at most 1.02: **not met** |", md, StringComparison.Ordinal);
        Assert.Contains("| 30.0x | at least 30x: met |", md, StringComparison.Ordinal);
        Assert.Contains("| 1.07 | at most 1.05: **not met** |", md, StringComparison.Ordinal);
        Assert.Contains("![Image build time and time to first result against package size](chart.svg)", md, StringComparison.Ordinal);
        Assert.Contains("| Synth60 | 300 | 3.00 s / 244 MB | - | 1m35s / 2344 MB | 5.00 s / 117 MB | - | 17.00 s | 2m00s | 2344 MB | 170.0 MB | 250 ms |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_UpToDateBuild_HasItsTargetsInTheHeadline()
    {
        var md = MarkdownReport.Render(Results, "chart.svg");

        Assert.Contains("| up-to-date rebuild (no-op) | 250 ms | under 1 s: met |", md, StringComparison.Ordinal);
        Assert.Contains("| julia processes of an up-to-date build of Synth10 (strace) | 0 | none: met |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Processes_OneRowPerProgramOfEitherBuild()
    {
        var md = MarkdownReport.Render(Results, "chart.svg");

        Assert.Contains("| `julia` | 5 | 0 |", md, StringComparison.Ordinal);
        Assert.Contains("| `julia-sysimage` | 1 | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("| `ld` | 1 | 0 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_NoProcessCount_SaysStraceWasMissing()
    {
        var md = MarkdownReport.Render(Results with { Processes = null }, "chart.svg");

        Assert.Contains("Not counted: strace was not installed.", md, StringComparison.Ordinal);
        Assert.DoesNotContain("julia processes of an up-to-date build", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Commands_AreTheOnesRunWithPlaceholders()
    {
        var md = MarkdownReport.Render(Results, "chart.svg");

        Assert.Contains("| first result with the image | `julia-net --sysimage IMG --project=P -e 'using SynthN; SynthN.workload()'` |", md, StringComparison.Ordinal);
        Assert.Contains("| image build | `JULIA_NET_STEP_STATS=steps.jsonl julia-sysimage --force --julia julia --project P --script P/precompile.jl IMG` |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HelperLoadCost_IsTheLastSection()
    {
        var md = MarkdownReport.Render(Results, "chart.svg");

        Assert.Equal(md.LastIndexOf("\n## ", StringComparison.Ordinal) + 1, md.IndexOf(HelperLoadCost.Heading, StringComparison.Ordinal));
        Assert.EndsWith(HelperLoadCost.Markdown + "\n", md, StringComparison.Ordinal);
    }

    /// <summary>
    /// Own time 5 ms: the process 2 ms, resolving 1.5 ms (4.7 - 1.2 - 2), the stale check 1.5 ms
    /// (6.2 - 4.7); the baseline's 6 ms: 2.1 ms, 1.6 ms (4.9 - 1.2 - 2.1), 2.3 ms (7.2 - 4.9).
    /// </summary>
    [Fact]
    public void Markdown_PartsMeasured_LauncherSectionSplitsBothOwnTimes()
    {
        var own = new OwnTime(
            new Samples([0.0062]), new Samples([0.0012]),
            new BaselineLaunches("/old/julia-net", new Samples([0.0072]), new LaunchParts(new Samples([0.0021]), new Samples([0.0049]))),
            new LaunchParts(new Samples([0.0020]), new Samples([0.0047])));
        var md = MarkdownReport.Render(Results with { Launcher = Results.Launcher with { WatchedPaths = 486, Own = own } }, "chart.svg");

        Assert.Contains("| part | this julia-net | baseline |", md, StringComparison.Ordinal);
        Assert.Contains("| the process: start, arguments, exit | 2.00 ms | 2.10 ms |", md, StringComparison.Ordinal);
        Assert.Contains("| resolving Julia, the image and the cache, reading the records, exec | 1.50 ms | 1.60 ms |", md, StringComparison.Ordinal);
        Assert.Contains("| the stale check (486 recorded paths) | 1.50 ms | 2.30 ms |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_PartsWithoutBaseline_OneColumn()
    {
        var own = new OwnTime(new Samples([0.0062]), new Samples([0.0012]), Parts: new LaunchParts(new Samples([0.0020]), new Samples([0.0047])));
        var md = MarkdownReport.Render(Results with { Launcher = Results.Launcher with { WatchedPaths = 486, Own = own } }, "chart.svg");

        Assert.Contains("| part | this julia-net |\n", md, StringComparison.Ordinal);
        Assert.Contains("| the stale check (486 recorded paths) | 1.50 ms |\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EmptyProgramMeasured_HeadlineGivesEachOwnTimeOverIt()
    {
        var md = MarkdownReport.Render(WithEmptyProgram(Results), "chart.svg");

        Assert.Contains("| julia-net's own time per launch / an empty Native AOT program, whole process (5.00 ms / 1.25 ms) | 4.00 | - |", md, StringComparison.Ordinal);
        Assert.Contains("| the baseline `/old/julia-net`'s own time per launch / an empty Native AOT program, whole process (6.00 ms / 1.25 ms) | 4.80 | - |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EmptyProgramMeasured_LauncherSectionNamesItsCommandAndGivesBothRatios()
    {
        var md = MarkdownReport.Render(WithEmptyProgram(Results), "chart.svg");

        Assert.Contains("Against an empty Native AOT program (`EMPTY-AOT`: tools/bench/EmptyAot", md, StringComparison.Ordinal);
        Assert.Contains("a whole process: median 1.25 ms.", md, StringComparison.Ordinal);
        Assert.Contains("| julia-net | own time | own time / empty Native AOT program |", md, StringComparison.Ordinal);
        Assert.Contains("| this julia-net | 5.00 ms | 4.00 |", md, StringComparison.Ordinal);
        Assert.Contains("| baseline `/old/julia-net` | 6.00 ms | 4.80 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EmptyProgramMeasured_KeepsTheBaselineRows()
    {
        var md = MarkdownReport.Render(WithEmptyProgram(Results), "chart.svg");

        Assert.Contains("| julia-net's own time per launch, this julia-net / the baseline `/old/julia-net` (5.00 ms / 6.00 ms) | 0.83 | - |", md, StringComparison.Ordinal);
        Assert.Contains("| ratio this / baseline | - | 0.83 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EmptyProgramWithoutBaseline_OneRowAndNoBaseline()
    {
        var own = new OwnTime(new Samples([0.0062]), new Samples([0.0012]), EmptyProgram: new Samples([0.002]));
        var md = MarkdownReport.Render(Results with { Launcher = Results.Launcher with { Own = own } }, "chart.svg");

        Assert.Contains("| julia-net's own time per launch / an empty Native AOT program, whole process (5.00 ms / 2.00 ms) | 2.50 | - |", md, StringComparison.Ordinal);
        Assert.Contains("| this julia-net | 5.00 ms | 2.50 |\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("baseline", md, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Markdown_EmptyProgramNotMeasured_NoEmptyProgramRows()
    {
        var md = MarkdownReport.Render(WithBaseline(Results), "chart.svg");

        Assert.DoesNotContain("empty Native AOT program", md, StringComparison.Ordinal);
    }

    [Fact]
    public void LauncherReport_EmptyProgramMeasured_GivesTheRatiosBesideTheExistingRows()
    {
        var run = LauncherRun(built: false) with { Launcher = WithEmptyProgram(Results).Launcher };

        var md = LauncherReport.Render(run);

        Assert.Contains("| julia-net's own time per launch, stale check of 486 paths included | 5.00 ms | - |", md, StringComparison.Ordinal);
        Assert.Contains("/ an empty Native AOT program, whole process (5.00 ms / 1.25 ms) | 4.00 | - |", md, StringComparison.Ordinal);
        Assert.Contains("| baseline `/old/julia-net` | 6.00 ms | 4.80 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_PartsNotMeasured_NoBreakdown()
    {
        var md = MarkdownReport.Render(WithBaseline(Results), "chart.svg");

        Assert.DoesNotContain("Where the own time goes", md, StringComparison.Ordinal);
    }
}
