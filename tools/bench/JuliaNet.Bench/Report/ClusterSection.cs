using System.Text;
using JuliaNet.Bench.Measure;
using JuliaNet.Bench.Synth;
using static JuliaNet.Bench.Report.Format;

namespace JuliaNet.Bench.Report;

/// <summary>
/// The cluster part of a report: headline rows and a section between <see cref="Open"/> and
/// <see cref="Close"/>, which a --cluster-only run replaces on its own
/// (<see cref="BenchmarkPage.MergeCluster"/>). It measures the largest package's worker image
/// (built with --distributed): addprocs of local workers, and first results of SLURM workers.
/// </summary>
public static class ClusterSection
{
    public const string Open = "<!-- cluster -->";

    public const string Close = "<!-- /cluster -->";

    public const string MasterScript = "cluster_first_results.jl";

    public const string AddProcsScript = "addprocs_local.jl";

    /// <summary>The local workers the addprocs line adds.</summary>
    public const int AddProcsWorkers = 4;

    /// <summary>The addprocs line's rounds: --cluster-rounds, but at least this many (a round takes seconds, not minutes).</summary>
    public const int AddProcsMinRounds = 3;

    /// <summary>The worker image's file name in the work directory's images/, beside the plain image.</summary>
    public static string WorkerImageFile(int types) => SynthPackage.Name(types).ToLowerInvariant() + "-workers.so";

    public static IEnumerable<string[]> Headline(ClusterFigure? figure, AddProcsFigure? addprocs = null) =>
    [
        .. addprocs is null ? [] : new[] { new[] { Invariant($"addprocs of {addprocs.Workers} local workers, Julia's default image / the worker image ({Format.Seconds(addprocs.DefaultImage.Median)} / {Format.Seconds(addprocs.WorkerImage.Median)})"), Times(addprocs.Ratio), "-" } },
        .. figure is null
            ? []
            : figure.Points.Select(p => new[]
            {
                Invariant($"first results of {p.Workers} SLURM workers, {SynthPackage.Name(figure.Types)}: without / with the worker image ({Format.Seconds(p.WithoutImage.Median)} / {Format.Seconds(p.WithImage.Median)})"),
                Times(p.Speedup),
                "-",
            }),
    ];

    /// <summary>The addprocs line as the section writes it.</summary>
    public static string AddProcsLine(AddProcsFigure a) =>
        Invariant($"addprocs of {a.Workers} local workers, Julia's default image / the worker image: {Times(a.Ratio)} ({Format.Seconds(a.DefaultImage.Median)} / {Format.Seconds(a.WorkerImage.Median)})");

    /// <summary>The section of a full run: what was measured, or why nothing was.</summary>
    public static void Append(StringBuilder md, BenchResults r)
    {
        md.AppendLine();
        AppendBlock(md, () =>
        {
            if (r.AddProcs is null && r.Cluster is null)
            {
                md.AppendLine(Invariant($"Not measured: {r.ClusterSkipped ?? "no reason given"}."));
            }
            else
            {
                AppendBody(md, r.Cluster, r.ClusterSkipped, r.AddProcs, r.WorkerImage, "in this run");
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
            md.AppendLine(Invariant($"Measured on its own by `dotnet cake --target=Bench --cluster-only` on {m.Date:yyyy-MM-dd HH:mm} UTC (commit {m.Commit}, {m.Julia}, {m.Cores} cores, load average {m.Load}), not in the run that wrote the rest of this section.")).AppendLine();
            AppendBody(md, run.Cluster, run.ClusterSkipped, run.AddProcs, run.Image, "in that run");
        });
        return md.ToString();
    }

    /// <summary>The cluster part between its markers, under its heading, with <paramref name="body"/> in it.</summary>
    private static void AppendBlock(StringBuilder md, Action body)
    {
        md.AppendLine(Open);
        md.AppendLine("## Cluster: Distributed workers with the worker image").AppendLine();
        body();
        md.AppendLine(Close);
    }

    private static void AppendBody(StringBuilder md, ClusterFigure? figure, string? skipped, AddProcsFigure? addprocs, ImageCheck? workerImage, string when)
    {
        var types = figure?.Types ?? addprocs?.Types ?? 0;
        var name = SynthPackage.Name(types);
        var state = workerImage is null ? ""
            : workerImage.Built ? Invariant($" (built by it {when}, {Format.Seconds(workerImage.Seconds)})")
            : Invariant($" (found up to date by it {when}, {Format.Seconds(workerImage.Seconds)})");
        md.AppendLine(Invariant($"\"With the image\" below is {name}'s worker image, `images/{WorkerImageFile(types)}` in the work directory, which julia-sysimage `--distributed` without `--force` makes ready{state}: Distributed and the compiled code of a real session with local workers, the master's and the workers' side, go into it with {name}. The other sections use the plain image of {name}. On Julia 1.10 and later Distributed is not in Julia's default image, so without it the master and every worker load and compile Distributed at run time.")).AppendLine();
        if (addprocs is not null)
        {
            var rounds = addprocs.WorkerImage.Seconds.Count;
            md.AppendLine(AddProcsLine(addprocs)).AppendLine();
            md.AppendLine(Invariant($"Measured inside the master (`{AddProcsScript}` in `tools/bench/JuliaNet.Bench/Julia/`) from just before `using Distributed` until `addprocs({addprocs.Workers})` has returned and every worker has answered one `remotecall_fetch(myid, p)`: plain julia on Julia's default image against julia-net on the worker image, whose workers start on the same image (Distributed's default `exename` and `exeflags`); same project, {name}'s, as JULIA_PROJECT, which the workers inherit. No SLURM. {rounds} rounds after one unmeasured, {when}; each round runs both, the order turning; medians.")).AppendLine();
        }

        if (figure is null)
        {
            md.AppendLine(Invariant($"First results of SLURM workers: not measured: {skipped ?? "no reason given"}.")).AppendLine();
        }
        else
        {
            AppendSlurm(md, figure, when);
        }

        var t = Tools.Names;
        var n = figure is null || figure.Points.Count == 0 ? 1 : figure.Points[^1].Workers;
        List<string[]> rows = [["the worker image (IMG)", MarkdownReport.Code(Commands.WorkerImageBuild(t, "P", "IMG"))]];
        if (addprocs is not null)
        {
            rows.Add(["addprocs, Julia's default image", MarkdownReport.Code(Commands.LocalWorkers(t, "P", null, AddProcsScript, addprocs.Workers))]);
            rows.Add(["addprocs, the worker image", MarkdownReport.Code(Commands.LocalWorkers(t, "P", "IMG", AddProcsScript, addprocs.Workers))]);
        }

        if (figure is not null)
        {
            rows.Add([Invariant($"SLURM, without the image ({n} workers)"), MarkdownReport.Code(Commands.ClusterMaster(t, "P", null, MasterScript, name, n))]);
            rows.Add([Invariant($"SLURM, with the worker image ({n} workers)"), MarkdownReport.Code(Commands.ClusterMaster(t, "P", "IMG", MasterScript, name, n))]);
        }

        MarkdownReport.Table(md, ["run", figure is null ? "command" : "command (BENCH_T0, the launch time, and SLURM_CONF are added to the SLURM runs)"], rows);
    }

    private static void AppendSlurm(StringBuilder md, ClusterFigure figure, string when)
    {
        var name = SynthPackage.Name(figure.Types);
        var rounds = figure.Points.Count == 0 ? 0 : figure.Points[0].WithImage.Seconds.Count;
        md.AppendLine(Invariant($"First results of SLURM workers: the time from starting the master until every one of N Distributed workers has returned the first result of {name}'s workload, on a one-node SLURM 22.05 cluster the suite starts on this machine (controller, node daemon and MUNGE on 127.0.0.1, {figure.SlotCount} task slots). The master adds its workers through `srun` with a ClusterManagers.jl-style manager (`{MasterScript}` and `slurm_manager.jl` in `tools/bench/JuliaNet.Bench/Julia/`) that runs Distributed's default `exename` and `exeflags`, then has every worker load {name} and call `workload()` at the same time; the master measures from the launch time the suite gives it until the last result is back (so the figure ends before the workers shut down), and every worker's checksum must equal the one of a plain run. Without the image the workers are plain julia loading {name} from its precompile cache; with it, the master is julia-net on the worker image and the workers come back through julia-net on the same image. {rounds} round(s) per worker count, {when}; each round runs both, the order turning; medians.")).AppendLine();
        MarkdownReport.Table(md, ["workers", "without the image", "with the worker image", "speedup"],
            figure.Points.Select(p => new[] { Invariant($"{p.Workers}"), Format.Seconds(p.WithoutImage.Median), Format.Seconds(p.WithImage.Median), Times(p.Speedup) }).ToArray());
        md.AppendLine();
    }
}
