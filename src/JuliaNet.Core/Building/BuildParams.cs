using System.Text;

namespace JuliaNet.Building;

/// <summary>
/// The params file the build scripts read (params.jl reads it, and documents the format and the
/// keys, <see cref="BuildParamKeys"/>), in <see cref="Serialization.KeyValueText"/>: any path,
/// newlines included, survives the trip.
/// </summary>
public static class BuildParams
{
    /// <param name="stdlib">Julia's <c>Sys.STDLIB</c>, restored inside the <c>--output-o</c> process; null for build_image.jl's default.</param>
    /// <param name="traced">The build directory when the trace step runs (<see cref="BuildSteps.Traces"/>: its trace, the workers' traces and the modules the scripts loaded), else null.</param>
    public static string Write(BuildPlan plan, string? stdlib, BuildDirectory? traced, string report, string failedStatements)
    {
        var text = new StringBuilder();
        Add(text, BuildParamKeys.Report, report);
        Add(text, BuildParamKeys.FailedStatements, failedStatements);
        Add(text, BuildParamKeys.Launcher, plan.Launcher);
        if (plan.Strict)
        {
            Add(text, BuildParamKeys.StrictMaxFailedPercent, ObjectStepSummary.StatementWarningPercent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (stdlib is not null)
        {
            Add(text, BuildParamKeys.Stdlib, stdlib);
        }

        foreach (var package in plan.Packages)
        {
            Add(text, BuildParamKeys.Package, package.Name + " " + package.Uuid);
        }

        foreach (var dependency in plan.Dependencies)
        {
            Add(text, BuildParamKeys.Dependency, dependency.Name + " " + dependency.Uuid);
        }

        foreach (var script in plan.Scripts)
        {
            Add(text, BuildParamKeys.Script, script);
        }

        foreach (var statements in traced is null ? plan.PrecompileStatements : [.. plan.PrecompileStatements, traced.Trace])
        {
            Add(text, BuildParamKeys.Statements, statements);
        }

        if (traced is not null)
        {
            Add(text, BuildParamKeys.ScriptModules, traced.ScriptModules);
            foreach (var workerTrace in traced.WorkerTraces)
            {
                Add(text, BuildParamKeys.WorkerStatements, workerTrace);
            }
        }

        if (plan.ForWorkers)
        {
            Add(text, BuildParamKeys.Workers, "yes");
        }

        return text.ToString();
    }

    private static void Add(StringBuilder text, string key, string value) => Serialization.KeyValueText.Append(text, key, value);
}
