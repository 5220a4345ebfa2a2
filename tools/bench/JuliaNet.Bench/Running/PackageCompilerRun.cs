using System.Globalization;
using JuliaNet.Bench.Measure;
using JuliaNet.Bench.Synth;

namespace JuliaNet.Bench.Running;

/// <summary>
/// The comparison with PackageCompiler: the largest package built by both tools from the same
/// project and precompile script, at each setting of <see cref="ThreadSettings"/>, the tool that
/// goes first alternating; then the workload with each image. One build at a time.
/// </summary>
public sealed class PackageCompilerRun(BenchOptions options, PackageCompilerEnvironment environment, string work, Runner runner, Tools tools)
{
    /// <summary>JULIA_IMAGE_THREADS for both tools' builds; null: unset, each tool's default.</summary>
    public static readonly IReadOnlyList<int?> ThreadSettings = [1, 2, null];

    /// <summary>Warm workload runs per image (each the median of 9 calls inside one process).</summary>
    private const int WarmRounds = 5;

    private readonly string dir = Path.Combine(work, "packagecompiler");

    private string Depot => Path.Combine(dir, "depot");

    private string Driver => Path.Combine(dir, PackageCompilerDriver.FileName);

    /// <summary>The project both tools build from: <see cref="SynthPackage.Environment"/>.</summary>
    private string Project => Path.Combine(dir, "project");

    private string EnvironmentDirectory => Path.GetFullPath(environment.Directory);

    /// <summary>
    /// A fresh depot and the driver script; loads PackageCompiler once (so it is precompiled
    /// before any build, and a broken environment stops the suite in seconds, before its long
    /// builds) and builds the package's cache the way PackageCompiler does. Returns its version.
    /// </summary>
    /// <param name="suiteProject">The suite's project of the package (the package and its scripts are there).</param>
    public async Task<string> Prepare(int types, string suiteProject)
    {
        if (!File.Exists(Path.Combine(EnvironmentDirectory, "Project.toml")) && !File.Exists(Path.Combine(EnvironmentDirectory, "JuliaProject.toml")))
        {
            throw new BenchError($"{environment.SourceName}: {EnvironmentDirectory} is not a Julia environment (no Project.toml)");
        }

        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        // Pkg 1.10's instantiate, which create_sysimage calls, installs the General registry into a
        // depot that has none, JULIA_PKG_OFFLINE or not (Pkg/src/API.jl, instantiate ->
        // Registry.download_default_registries): an empty registry of the depot's own stops that,
        // so no build downloads anything (or fails offline).
        var registry = Path.Combine(Depot, "registries", "Empty");
        Directory.CreateDirectory(registry);
        File.WriteAllText(Path.Combine(registry, "Registry.toml"), "name = \"Empty\"\nuuid = \"3c8f1b2a-5d6e-4f70-8a9b-0c1d2e3f4a5b\"\nrepo = \"\"\ndescription = \"No packages: written by the benchmark suite so that Pkg does not install General here.\"\n\n[packages]\n");
        Directory.CreateDirectory(Path.Combine(dir, "images"));
        File.WriteAllText(Driver, PackageCompilerDriver.Text());
        Directory.CreateDirectory(Project);
        foreach (var (file, text) in SynthPackage.Environment(types, Path.Combine(suiteProject, SynthPackage.Name(types))))
        {
            File.WriteAllText(Path.Combine(Project, file), text);
        }

        Console.WriteLine($"bench: loading PackageCompiler from {EnvironmentDirectory} ({environment.SourceName})");
        var (_, version) = await runner.Capture(Commands.PackageCompilerVersion(tools, EnvironmentDirectory, Depot));
        await runner.Time(Commands.PackageCompilerPrecompile(tools, Depot, Project));
        Console.WriteLine($"bench:   PackageCompiler {version.Trim()}");
        return version.Trim();
    }

    public async Task<PackageCompilerComparison> Measure(int types, string suiteProject, string version)
    {
        var name = SynthPackage.Name(types);
        var project = Project;
        var script = Path.Combine(suiteProject, "precompile.jl");
        var warm = Path.Combine(suiteProject, "warm.jl");
        var settings = new List<ComparisonSetting>();
        for (var i = 0; i < ThreadSettings.Count; i++)
        {
            var threads = ThreadSettings[i];
            var oursFirst = i % 2 == 0;
            var tag = threads is { } n ? $"threads{n}" : "default";
            var oursImage = Path.Combine(dir, "images", $"{name.ToLowerInvariant()}-julia-sysimage-{tag}.so");
            var theirsImage = Path.Combine(dir, "images", $"{name.ToLowerInvariant()}-packagecompiler-{tag}.so");
            var ours = Commands.ComparedBuild(tools, project, script, oursImage, threads);
            var theirs = Commands.PackageCompilerBuild(tools, EnvironmentDirectory, Depot, Driver, name, project, script, theirsImage, threads);

            ToolBuild? oursBuild = null, theirsBuild = null;
            foreach (var first in oursFirst ? new[] { true, false } : [false, true])
            {
                if (first)
                {
                    oursBuild = await Build(ours, oursImage, $"{name} with julia-sysimage", threads);
                }
                else
                {
                    theirsBuild = await Build(theirs, theirsImage, $"{name} with PackageCompiler", threads);
                }
            }

            var oursChecksum = await Checksum(tools, project, oursImage, name);
            var theirsChecksum = await Checksum(tools, project, theirsImage, name);
            if (oursChecksum != theirsChecksum)
            {
                throw new BenchError($"{name}: the workload's checksum differs with julia-sysimage's image ({oursChecksum}) and PackageCompiler's ({theirsChecksum})");
            }

            var runs = await Alternation.Measure(
                runner,
                [
                    Commands.DirectWithImage(tools, project, oursImage, Commands.Workload(name)),
                    Commands.DirectWithImage(tools, project, theirsImage, Commands.Workload(name)),
                    Commands.WithImage(tools, project, oursImage, Commands.Workload(name)),
                ],
                options.Warmup,
                options.Pairs,
                $"{name}, workload with each image");
            var (oursWarm, theirsWarm) = await Warm(project, warm, oursImage, theirsImage, oursFirst);
            settings.Add(new ComparisonSetting(threads, oursFirst, oursBuild!, theirsBuild!, runs[0], runs[1], runs[2], oursWarm, theirsWarm));
        }

        return new PackageCompilerComparison(types, environment, version, settings);
    }

    private async Task<ToolBuild> Build(Cmd build, string image, string what, int? threads)
    {
        Console.WriteLine($"bench: building {what} ({(threads is { } n ? $"JULIA_IMAGE_THREADS={n}" : "its default image threads")}, minutes)");
        var run = await runner.TimeWithTreeMemory(build);
        Console.WriteLine($"bench:   built in {run.Seconds:0.0} s, tree peak {run.Peak.PeakPssKb / 1024} MB (PSS), {run.Peak.Samples} samples");
        return new ToolBuild(run.Seconds, run.Peak, new FileInfo(image).Length, SysimageOutput.ImageThreads(run.Stderr));
    }

    private async Task<string> Checksum(Tools t, string project, string image, string name)
    {
        var (_, checksum) = await runner.Capture(Commands.DirectWithImage(t, project, image, Commands.PrintChecksum(name)));
        return checksum.Trim();
    }

    /// <summary>warm.jl with each image, alternating which goes first.</summary>
    private async Task<(Samples Ours, Samples Theirs)> Warm(string project, string warmScript, string oursImage, string theirsImage, bool oursFirst)
    {
        var ours = new List<double>();
        var theirs = new List<double>();
        for (var round = 0; round < WarmRounds; round++)
        {
            var oursNow = oursFirst == (round % 2 == 0);
            foreach (var isOurs in new[] { oursNow, !oursNow })
            {
                var (_, text) = await runner.Capture(Commands.WarmRunWithImage(tools, project, warmScript, isOurs ? oursImage : theirsImage));
                if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    throw new BenchError($"warm.jl printed '{text.Trim()}', not a time in seconds");
                }

                (isOurs ? ours : theirs).Add(seconds);
            }
        }

        return (new Samples(ours), new Samples(theirs));
    }
}
