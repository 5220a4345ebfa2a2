using System.Text;
using JuliaNet.Building;

namespace JuliaNet.Sysimage;

/// <summary>
/// The params file the build scripts read (format in build_image.jl's header): one
/// <c>key=value</c> per line, values with backslash escapes (<c>\\</c>, <c>\n</c>, <c>\r</c>)
/// so that any path, newlines included, survives the trip.
/// </summary>
internal static class BuildParams
{
    /// <param name="stdlib">Julia's <c>Sys.STDLIB</c>, restored inside the <c>--output-o</c> process; null for build_image.jl's default.</param>
    /// <param name="traced">The build directory when scripts are traced (its trace and the modules the scripts loaded), else null.</param>
    public static string Write(BuildPlan plan, string? stdlib, BuildDirectory? traced, string report, string failedStatements)
    {
        var text = new StringBuilder();
        Add(text, "report", report);
        Add(text, "failed_statements", failedStatements);
        Add(text, "launcher", plan.Launcher);
        if (plan.Strict)
        {
            Add(text, "strict_max_failed_percent", ObjectStepSummary.StatementWarningPercent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (stdlib is not null)
        {
            Add(text, "stdlib", stdlib);
        }

        foreach (var package in plan.Packages)
        {
            Add(text, "package", package.Name + " " + package.Uuid);
        }

        foreach (var dependency in plan.Dependencies)
        {
            Add(text, "dependency", dependency.Name + " " + dependency.Uuid);
        }

        foreach (var script in plan.Scripts)
        {
            Add(text, "script", script);
        }

        foreach (var statements in traced is null ? plan.PrecompileStatements : [.. plan.PrecompileStatements, traced.Trace])
        {
            Add(text, "statements", statements);
        }

        if (traced is not null)
        {
            Add(text, "script_modules", traced.ScriptModules);
        }

        return text.ToString();
    }

    private static void Add(StringBuilder text, string key, string value) =>
        text.Append(key).Append('=').Append(Escape(value)).Append('\n');

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal);
}
