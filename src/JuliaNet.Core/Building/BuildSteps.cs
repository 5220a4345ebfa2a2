using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Building;

/// <summary>
/// The processes of a build, in order: precompile, record statements (with scripts only),
/// generate the object, link, verify. Pure: what runs is decided here, the edges run it.
/// </summary>
public static partial class BuildSteps
{
    /// <summary>The build scripts, written into the build directory before the first step.</summary>
    public static readonly IReadOnlyList<string> Scripts = ["keyvalue.jl", "params.jl", "precompile.jl", "trace.jl", "workers.jl", "build_image.jl", "method_overrides.jl", "verify.jl"];

    /// <summary>Whether the build has a trace step: scripts to run, or workers to trace (<see cref="BuildPlan.ForWorkers"/>).</summary>
    public static bool Traces(BuildPlan plan) => plan.Scripts.Count > 0 || plan.ForWorkers;

    [GeneratedRegex(@"^WARNING: Method definition .* overwritten")]
    private static partial Regex OverwriteWarning();

    /// <param name="userDepots">The user's depots (as plain julia would use them here), after the build's own.</param>
    /// <param name="imageThreads">Threads for the object step's code generation (Julia 1.10+).</param>
    public static IReadOnlyList<BuildStep> Plan(
        BuildPlan plan, JuliaInfo julia, JuliaLibraries libraries, string baseImage, BuildDirectory dir, IReadOnlyList<string> userDepots,
        Platform platform, Architecture architecture, int imageThreads, IFileProbe fs)
    {
        var windows = platform == Platform.Windows;
        var env = JuliaEnvironment.Cleared(JuliaEnvironment.ClearedForBuild);
        env[EnvironmentVariables.BuildParams] = dir.Params;
        env[EnvironmentVariables.DepotPath] = PathList.Join([dir.Depot, .. userDepots], windows);
        env[EnvironmentVariables.LoadPath] = PathList.Join(["@", "@stdlib"], windows);
        env[EnvironmentVariables.Project] = plan.Project?.Directory;

        List<string> common = ["--startup-file=no", "--color=no", "--sysimage=" + baseImage];
        if (plan.Project is not null)
        {
            common.Add("--project=" + plan.Project.Directory);
        }

        if (JuliaFeatures.HasPackageImages(julia.Version))
        {
            common.Add("--pkgimages=no");
        }

        List<BuildStep> steps = [new(BuildStepId.Precompile, "precompile packages", plan.Julia, [.. common, dir.Script("precompile.jl")], env)];
        if (Traces(plan))
        {
            steps.Add(new(BuildStepId.Trace, "record precompile statements", plan.Julia, [.. common, "--compile=all", "--trace-compile=" + dir.Trace, dir.Script("trace.jl")], env));
        }

        var objectEnv = new Dictionary<string, string?>(env, StringComparer.Ordinal);
        if (JuliaFeatures.HasImageThreads(julia.Version))
        {
            objectEnv[EnvironmentVariables.ImageThreads] = imageThreads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        steps.Add(new(
            BuildStepId.Object,
            "generate image object (minutes)",
            plan.Julia,
            [.. common, "--cpu-target=" + plan.CpuTarget, "--threads=1", "--warn-overwrite=yes", "--output-o=" + dir.Archive, dir.Script("build_image.jl")],
            objectEnv,
            new OutputRule(OverwriteWarning(), "a method was overwritten while generating the image, which Julia 1.10 and later refuse")));
        steps.Add(new(
            BuildStepId.Link,
            "link",
            plan.Compiler,
            [.. plan.CompilerArgs, .. LinkCommand.Arguments(platform, architecture, julia.Version, libraries, dir.Archive, dir.Image, Path.GetFileName(plan.Output), fs)],
            new Dictionary<string, string?>()));
        steps.Add(new(
            BuildStepId.Verify,
            "verify",
            plan.Julia,
            ["--startup-file=no", "--color=no", "-J" + dir.Image, dir.Script("verify.jl")],
            new Dictionary<string, string?>(env, StringComparer.Ordinal)
            {
                // The new image's julia_cmd() is julia-net, and the image has no metadata yet:
                // a child it starts (the precompile worker when verify.jl loads Distributed, which
                // 1.10+ images lack) must run this build's Julia, not the first julia on PATH, and
                // keep its files in the build directory, as the depot path does for the caches.
                [EnvironmentVariables.Julia] = plan.Julia,
                [EnvironmentVariables.CacheDir] = dir.LauncherCache,
            }));
        return steps;
    }
}
