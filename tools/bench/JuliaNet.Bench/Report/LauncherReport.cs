using System.Text;
using JuliaNet.Bench.Measure;
using JuliaNet.Bench.Synth;
using static JuliaNet.Bench.Report.Format;

namespace JuliaNet.Bench.Report;

/// <summary>launcher.md: the report of a --launcher-only run, which docs/benchmarks.md never takes in.</summary>
public static class LauncherReport
{
    public const string FileName = "launcher.md";

    public static string Render(LauncherRun r)
    {
        var md = new StringBuilder();
        var o = r.Options;
        var l = r.Launcher;
        md.AppendLine("# Launcher overhead (a launcher-only run)").AppendLine();
        md.AppendLine(Invariant($"Written by `julia-net-bench --launcher-only` on {r.Machine.Date:yyyy-MM-dd HH:mm} UTC. Only a full run writes docs/benchmarks.md; this run measured the launcher alone."));
        md.AppendLine().AppendLine("## Headline").AppendLine();
        MarkdownReport.Table(md, ["measure", "result", "target"], [.. MarkdownReport.LauncherHeadline(l)]);
        MarkdownReport.AppendMachine(md, r.Machine);
        md.AppendLine().AppendLine("## Method").AppendLine();
        var name = SynthPackage.Name(l.ImageTypes);
        md.AppendLine(r.Image.Built
            ? Invariant($"- The image of {name}: julia-sysimage without `--force` built it ({Format.Seconds(r.Image.Seconds)}): it was missing or its inputs had changed.")
            : Invariant($"- The image of {name}: julia-sysimage without `--force` found it up to date ({Format.Seconds(r.Image.Seconds)})."));
        md.AppendLine(Invariant($"- Commands run in alternation, the order turning each round: {o.Warmup} warm-up round(s), then the measured rounds below. Every time is the wall time of a whole process; tables give medians, and every ratio is of medians measured in the same run. The load average above shows how busy the machine was."));
        MarkdownReport.AppendLauncher(md, l);
        return md.ToString();
    }
}
