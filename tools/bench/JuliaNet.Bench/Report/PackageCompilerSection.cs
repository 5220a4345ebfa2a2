using System.Text;
using JuliaNet.Bench.Measure;
using JuliaNet.Bench.Running;
using JuliaNet.Bench.Synth;
using static JuliaNet.Bench.Report.Format;

namespace JuliaNet.Bench.Report;

/// <summary>The report's section on julia-sysimage against PackageCompiler, and its headline row.</summary>
public static class PackageCompilerSection
{
    public const string Heading = "## Against PackageCompiler";

    /// <summary>The headline row: ratios at each tool's default, when the comparison ran.</summary>
    public static IEnumerable<string[]> Headline(PackageCompilerComparison? c)
    {
        if (c?.Settings.FirstOrDefault(s => s.ForcedThreads is null) is not { } s)
        {
            return [];
        }

        return
        [
            [
                Invariant($"against PackageCompiler {c.Version}, {SynthPackage.Name(c.Types)} at each tool's default: build wall time, peak memory of the process tree, workload with `julia -J IMG` (julia-sysimage / PackageCompiler)"),
                Invariant($"{Ratio(s.Ours.WallSeconds / s.Theirs.WallSeconds)}, {Ratio((double)s.Ours.Memory.PeakPssKb / s.Theirs.Memory.PeakPssKb)}, {Ratio(s.OursDirect.Median / s.TheirsDirect.Median)}"),
                "-",
            ],
        ];
    }

    public static void Append(StringBuilder md, BenchResults r)
    {
        md.AppendLine().AppendLine(Heading).AppendLine();
        if (r.PackageCompiler is not { } c)
        {
            md.AppendLine(Invariant($"Not measured in this run. It needs `--packagecompiler ENVDIR` or `{BenchOptions.PackageCompilerVariable}=ENVDIR`: a Julia environment where `using PackageCompiler` works (PackageCompiler 2.2 and later need Julia 1.10 or later)."));
            return;
        }

        var name = SynthPackage.Name(c.Types);
        var o = r.Options;
        var oursDefault = c.Settings.FirstOrDefault(s => s.ForcedThreads is null)?.Ours.ImageThreads;
        md.AppendLine(Invariant($"PackageCompiler {c.Version} (the environment `{c.Environment.Directory}`, from `{c.Environment.SourceName}`) built the image of {name} from the same project and precompile script as julia-sysimage, at {c.Settings.Count} settings of the image threads: {string.Join(", ", c.Settings.Select(s => s.Label))}. Without `JULIA_IMAGE_THREADS`, julia-sysimage chooses one thread per core while memory allows ({(oursDefault is { } n ? Invariant($"it said {n} here") : "it did not say how many")}); PackageCompiler leaves the choice to Julia (in 1.10, half the cores). One build runs at a time, and the tool that builds first alternates between settings. Every ratio is julia-sysimage / PackageCompiler: below 1, julia-sysimage is faster or smaller."));
        md.AppendLine();
        md.AppendLine("- Wall time: the whole command. PackageCompiler's includes its driver (a julia that loads PackageCompiler and calls `create_sysimage`: `Pkg.instantiate`, precompiling, running the script under `--trace-compile`, the `--output-o` process, linking); julia-sysimage's includes its verify step, which PackageCompiler does not have. Before the first build the suite loads PackageCompiler once (so it is precompiled) and builds the package's cache in PackageCompiler's depot as PackageCompiler does (`Pkg.precompile()` with `--pkgimages=no`), so no build pays for either.");
        md.AppendLine(Invariant($"- Peak memory of the process tree, sampled from /proc every {TreeMemorySampler.Interval.TotalSeconds:0.###} s (GNU time's maximum RSS is that of the largest single process): **tree** is the largest sum of the processes' proportional set sizes (`Pss` in /proc/PID/smaps_rollup: pages shared between processes, such as libjulia and the base image, count once); **largest process** is the highest `VmHWM`, one process's peak RSS as the kernel keeps it (what GNU time reports). A peak shorter than the interval can be missed by the tree figure."));
        md.AppendLine(Invariant($"- Workload: `{name}.workload()` as a whole process, `julia -J` with each image and julia-net with julia-sysimage's, in alternation: {o.Warmup} warm-up round(s), then {o.Pairs} measured rounds; medians. Both images' checksums are compared first. Warm: warm.jl with each image (the median of 9 calls after the first, inside one process), {c.Settings[0].OursWarm.Seconds.Count} runs each, alternating; the median of the runs."));
        md.AppendLine();

        var t = Tools.Names;
        MarkdownReport.Table(md, ["measure", "command"],
        [
            ["julia-sysimage build", MarkdownReport.Code(Commands.ComparedBuild(t, "Q", "P/precompile.jl", "IMG", threads: 1))],
            ["PackageCompiler build", MarkdownReport.Code(Commands.PackageCompilerBuild(t, "ENVDIR", "PCDEPOT", PackageCompilerDriver.FileName, "SynthN", "Q", "P/precompile.jl", "IMG", threads: 1))],
            ["workload, either image", MarkdownReport.Code(Commands.DirectWithImage(t, "Q", "IMG", Commands.Workload("SynthN")))],
            ["workload, julia-net", MarkdownReport.Code(Commands.WithImage(t, "Q", "IMG", Commands.Workload("SynthN")))],
            ["warm workload, either image", MarkdownReport.Code(Commands.WarmRunWithImage(t, "Q", "P/warm.jl", "IMG"))],
        ]);
        md.AppendLine();
        md.AppendLine("`Q` is an environment with the package by path and no name of its own (PackageCompiler's `Pkg.precompile()` treats a project with a name as a package and fails on the suite's `P`, which has no source file); both tools build from it, with the suite's script `P/precompile.jl`. `JULIA_IMAGE_THREADS` is set as the setting says (not at all for the defaults). `PCDEPOT` is a depot of the suite's own, with an empty registry in it: Pkg 1.10's `instantiate`, which `create_sysimage` calls, would otherwise install the General registry, even offline. The driver script, written by the suite:");
        md.AppendLine().AppendLine("```julia").Append(PackageCompilerDriver.Text().TrimEnd()).AppendLine().AppendLine("```");

        md.AppendLine().AppendLine("Builds, julia-sysimage / PackageCompiler:").AppendLine();
        MarkdownReport.Table(md, ["setting", "built first", "wall time", "peak memory, tree (PSS)", "peak memory, largest process", "image size"],
            c.Settings.Select(s => new[]
            {
                s.Label,
                s.OursFirst ? "julia-sysimage" : "PackageCompiler",
                Pair(Format.Seconds(s.Ours.WallSeconds), Format.Seconds(s.Theirs.WallSeconds), s.Ours.WallSeconds / s.Theirs.WallSeconds),
                Pair(Megabytes(s.Ours.Memory.PeakPssKb), Megabytes(s.Theirs.Memory.PeakPssKb), (double)s.Ours.Memory.PeakPssKb / s.Theirs.Memory.PeakPssKb),
                Pair(Megabytes(s.Ours.Memory.LargestProcessKb), Megabytes(s.Theirs.Memory.LargestProcessKb), (double)s.Ours.Memory.LargestProcessKb / s.Theirs.Memory.LargestProcessKb),
                Pair(Bytes(s.Ours.ImageBytes), Bytes(s.Theirs.ImageBytes), (double)s.Ours.ImageBytes / s.Theirs.ImageBytes),
            }).ToArray());

        md.AppendLine().AppendLine("The workload with each setting's images, medians:").AppendLine();
        MarkdownReport.Table(md, ["images of", "`julia -J`: julia-sysimage's / PackageCompiler's", "julia-net with julia-sysimage's / `julia -J` PackageCompiler's", "warm, inside one process: julia-sysimage's / PackageCompiler's"],
            c.Settings.Select(s => new[]
            {
                s.Label,
                Pair(Format.Seconds(s.OursDirect.Median), Format.Seconds(s.TheirsDirect.Median), s.OursDirect.Median / s.TheirsDirect.Median),
                Pair(Format.Seconds(s.OursLauncher.Median), Format.Seconds(s.TheirsDirect.Median), s.OursLauncher.Median / s.TheirsDirect.Median),
                Pair(Format.Seconds(s.OursWarm.Median), Format.Seconds(s.TheirsWarm.Median), s.OursWarm.Median / s.TheirsWarm.Median),
            }).ToArray());
    }

    private static string Pair(string ours, string theirs, double ratio) => $"{ours} / {theirs} = {Ratio(ratio)}";
}
