using System.Text;
using JuliaNet.Bench.Measure;
using JuliaNet.Bench.Synth;
using static JuliaNet.Bench.Report.Format;

namespace JuliaNet.Bench.Report;

/// <summary>
/// The cluster figure's part of a report: headline rows and a section between
/// <see cref="Open"/> and <see cref="Close"/>, which a --cluster-only run replaces on its own
/// (<see cref="BenchmarkPage.MergeCluster"/>).
/// </summary>
public static class ClusterSection
{
    public const string Open = "<!-- cluster -->";

    public const string Close = "<!-- /cluster -->";

    public const string MasterScript = "cluster_first_results.jl";

    public static IEnumerable<string[]> Headline(ClusterFigure? figure) =>
        figure is null
            ? []
            : figure.Points.Select(p => new[]
            {
                Invariant($"first results of {p.Workers} SLURM workers, {SynthPackage.Name(figure.Types)}: without / with the image ({Format.Seconds(p.WithoutImage.Median)} / {Format.Seconds(p.WithImage.Median)})"),
                Times(p.Speedup),
                "-",
            });

    /// <summary>The section of a full run: the figure, or why it was not measured.</summary>
    public static void Append(StringBuilder md, ClusterFigure? figure, string? skipped)
    {
        md.AppendLine();
        AppendBlock(md, () =>
        {
            if (figure is null)
            {
                md.AppendLine(Invariant($"Not measured: {skipped ?? "no reason given"}."));
            }
            else
            {
                AppendFigure(md, figure, "in this run");
            }
        });
    }

    /// <summary>The section of a --cluster-only run, which says when and where it was measured, apart from the rest of its Julia's section.</summary>
    public static string Render(ClusterRun run)
    {
        var md = new StringBuilder();
        AppendBlock(md, () =>
        {
            var m = run.Machine;
            var image = run.Image.Built
                ? Invariant($"built by julia-sysimage without `--force` ({Format.Seconds(run.Image.Seconds)})")
                : Invariant($"found up to date by julia-sysimage without `--force` ({Format.Seconds(run.Image.Seconds)})");
            md.AppendLine(Invariant($"Measured on its own by `dotnet cake --target=Bench --cluster-only` on {m.Date:yyyy-MM-dd HH:mm} UTC (commit {m.Commit}, {m.Julia}, {m.Cores} cores, load average {m.Load}), not in the run that wrote the rest of this section; the image was {image}.")).AppendLine();
            AppendFigure(md, run.Cluster, "in that run");
        });
        return md.ToString();
    }

    /// <summary>The cluster part between its markers, under its heading, with <paramref name="body"/> in it.</summary>
    private static void AppendBlock(StringBuilder md, Action body)
    {
        md.AppendLine(Open);
        md.AppendLine("## Cluster: first results of N workers").AppendLine();
        body();
        md.AppendLine(Close);
    }

    private static void AppendFigure(StringBuilder md, ClusterFigure figure, string when)
    {
        var name = SynthPackage.Name(figure.Types);
        var rounds = figure.Points.Count == 0 ? 0 : figure.Points[0].WithImage.Seconds.Count;
        md.AppendLine(Invariant($"Time from starting the master until every one of N Distributed workers has returned the first result of {name}'s workload, on a one-node SLURM 22.05 cluster the suite starts on this machine (controller, node daemon and MUNGE on 127.0.0.1, {figure.SlotCount} task slots). The master adds its workers through `srun` with a ClusterManagers.jl-style manager (`{MasterScript}` and `slurm_manager.jl` in `tools/bench/JuliaNet.Bench/Julia/`) that runs Distributed's default `exename` and `exeflags`, then has every worker load {name} and call `workload()` at the same time; the master measures from the launch time the suite gives it until the last result is back (so the figure ends before the workers shut down), and every worker's checksum must equal the one of a plain run. Without the image the workers are plain julia loading {name} from its precompile cache; with it, the master is julia-net on the image and the workers come back through julia-net on the same image. {rounds} round(s) per worker count, {when}; each round runs both, the order turning; medians.")).AppendLine();
        MarkdownReport.Table(md, ["workers", "without the image", "with the image", "speedup"],
            figure.Points.Select(p => new[] { Invariant($"{p.Workers}"), Format.Seconds(p.WithoutImage.Median), Format.Seconds(p.WithImage.Median), Times(p.Speedup) }).ToArray());
        md.AppendLine();
        var t = Tools.Names;
        var n = figure.Points.Count == 0 ? 1 : figure.Points[^1].Workers;
        MarkdownReport.Table(md, [Invariant($"run ({n} workers)"), "command (BENCH_T0, the launch time, and SLURM_CONF are added to each)"],
        [
            ["without the image", MarkdownReport.Code(Commands.ClusterMaster(t, "P", null, MasterScript, name, n))],
            ["with the image", MarkdownReport.Code(Commands.ClusterMaster(t, "P", "IMG", MasterScript, name, n))],
        ]);
    }
}
