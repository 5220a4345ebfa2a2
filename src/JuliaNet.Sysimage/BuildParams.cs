using System.Text;
using JuliaNet.Building;

namespace JuliaNet.Sysimage;

/// <summary>The params file the build scripts read (format in build_image.jl's header).</summary>
internal static class BuildParams
{
    /// <param name="stdlib">Julia's <c>Sys.STDLIB</c>, restored inside the <c>--output-o</c> process; null for build_image.jl's default.</param>
    public static string Write(BuildPlan plan, string? stdlib, string? trace, string report, string failedStatements)
    {
        var text = new StringBuilder();
        text.Append("report=").Append(report).Append('\n');
        text.Append("failed_statements=").Append(failedStatements).Append('\n');
        text.Append("launcher=").Append(plan.Launcher).Append('\n');
        if (stdlib is not null)
        {
            text.Append("stdlib=").Append(stdlib).Append('\n');
        }

        foreach (var package in plan.Packages)
        {
            text.Append("package=").Append(package.Name).Append(' ').Append(package.Uuid).Append('\n');
        }

        foreach (var dependency in plan.Project?.Manifest.Where(m => plan.Packages.All(p => p.Uuid != m.Uuid)) ?? [])
        {
            text.Append("dependency=").Append(dependency.Name).Append(' ').Append(dependency.Uuid).Append('\n');
        }

        foreach (var script in plan.Scripts)
        {
            text.Append("script=").Append(script).Append('\n');
        }

        foreach (var statements in trace is null ? plan.PrecompileStatements : [.. plan.PrecompileStatements, trace])
        {
            text.Append("statements=").Append(statements).Append('\n');
        }

        return text.ToString();
    }
}
