using JuliaNet.Bench.Measure;
using JuliaNet.Bench.Synth;

namespace JuliaNet.Bench.Report;

/// <summary>docs/benchmarks-chart.svg: build time and time to first result against package size.</summary>
public static class BenchChart
{
    private const string XLabel = "package size (functions)";

    public static string Render(BenchResults results)
    {
        var builds = results.Builds;
        var firsts = results.FirstResults;
        return SvgChart.Render(
        [
            new Panel("Image build (julia-sysimage)", XLabel, "seconds", Functions(builds.Select(b => b.Types)),
            [
                new Series("whole build", builds.Select(b => b.WallSeconds).ToArray(), "#1f77b4"),
                new Series("generate object step", builds.Select(b => b.Step("object")?.Seconds ?? 0).ToArray(), "#ff7f0e"),
            ]),
            new Panel("Time to first result (whole process)", XLabel, "seconds (median)", Functions(firsts.Select(f => f.Types)),
            [
                new Series("julia, no image (warm precompile cache)", firsts.Select(f => f.WithoutImage.Median).ToArray(), "#d62728"),
                new Series("julia-net + the package's image", firsts.Select(f => f.WithImage.Median).ToArray(), "#2ca02c"),
                new Series("bare julia -e 0 + warm workload", firsts.Select(f => f.Floor).ToArray(), "#7f7f7f"),
            ]),
        ]);
    }

    private static double[] Functions(IEnumerable<int> types) => types.Select(t => (double)(t * SynthPackage.FunctionsPerType)).ToArray();
}
