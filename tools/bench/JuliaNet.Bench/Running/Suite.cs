using System.Globalization;
using JuliaNet.Bench.Measure;
using JuliaNet.Bench.Report;
using JuliaNet.Bench.Synth;
using JuliaNet.Images;

namespace JuliaNet.Bench.Running;

/// <summary>
/// The whole run: generate the packages, build an image of each, then measure launcher
/// overhead and time to first result; with --packagecompiler, compare with PackageCompiler
/// last (<see cref="PackageCompilerRun"/>). Every Julia process runs with a depot and a julia-net
/// cache of the suite's own under the work directory, so your ~/.julia is neither used nor touched.
/// </summary>
public sealed class Suite(BenchOptions options)
{
    private const string GnuTime = "/usr/bin/time";

    private const string Strace = "/usr/bin/strace";

    private const string BaselineCacheName = "julia-net-cache-baseline";

    private readonly string work = Path.GetFullPath(options.WorkDirectory);

    public async Task<BenchResults> Run()
    {
        var load = MachineInfo.LoadAverage();
        var tools = LocateTools();
        var runner = new Runner(ChildEnvironment(), Environment.CurrentDirectory);
        Prepare();
        tools = tools with { EmptyProgram = await EmptyProgram.Publish(work) };
        var packageCompiler = options.PackageCompiler is { } environment ? new PackageCompilerRun(options, environment, work, runner, tools) : null;
        var packageCompilerVersion = packageCompiler is null ? null : await packageCompiler.Prepare(options.Sizes[^1], Project(options.Sizes[^1]));

        var builds = new List<BuildCost>();
        foreach (var types in options.Sizes)
        {
            builds.Add(await Build(runner, tools, types));
        }

        var processes = await CountProcesses(runner, tools, options.Sizes[0]);
        var launcher = await MeasureLauncher(runner, tools, options.Sizes[^1]);
        var firstResults = new List<FirstResult>();
        foreach (var types in options.Sizes)
        {
            firstResults.Add(await MeasureFirstResult(runner, tools, types));
        }

        var part = options.NoCluster ? null : await MeasureClusterPart(runner, tools, options.Sizes[^1]);
        var comparison = packageCompiler is null ? null : await packageCompiler.Measure(options.Sizes[^1], Project(options.Sizes[^1]), packageCompilerVersion!);
        return new BenchResults(
            await MachineInfo.Read(runner, tools.Julia, load), options, launcher, builds, firstResults, processes, comparison,
            part?.Slurm, part is null ? "--no-cluster was given" : part.SlurmSkipped, part?.AddProcs, part?.WorkerImage);
    }

    /// <summary>
    /// --cluster-only: the packages generated as usual, then <see cref="MeasureClusterPart"/>; nothing else.
    /// </summary>
    public async Task<ClusterRun> RunClusterOnly()
    {
        var load = MachineInfo.LoadAverage();
        var tools = LocateTools();
        var runner = new Runner(ChildEnvironment(), Environment.CurrentDirectory);
        Prepare();
        var part = await MeasureClusterPart(runner, tools, options.Sizes[^1]);
        return new ClusterRun(await MachineInfo.Read(runner, tools.Julia, load), options, part.Slurm, part.WorkerImage, part.AddProcs, part.SlurmSkipped);
    }

    /// <summary>
    /// The cluster part: the largest package's worker image (<see cref="Commands.WorkerImageBuild"/>)
    /// made ready by julia-sysimage without --force, then <see cref="MeasureAddProcs"/> (no SLURM
    /// needed) and, when SLURM is installed, <see cref="MeasureCluster"/>.
    /// </summary>
    private async Task<ClusterPart> MeasureClusterPart(Runner runner, Tools tools, int types)
    {
        var workerImage = await EnsureImage(runner, tools, types, forWorkers: true);
        var addprocs = await MeasureAddProcs(runner, tools, types);
        var missing = OneNodeSlurm.Daemons.Where(d => !File.Exists(d)).ToList();
        if (missing.Count > 0)
        {
            var reason = $"SLURM is not installed ({string.Join(", ", missing)} missing; bash tools/install-test-tools.sh installs it)";
            Console.WriteLine($"bench: no SLURM figure: {reason}");
            return new ClusterPart(workerImage, addprocs, null, reason);
        }

        return new ClusterPart(workerImage, addprocs, await MeasureCluster(runner, tools, types), null);
    }

    /// <summary>What <see cref="MeasureClusterPart"/> measured; <paramref name="SlurmSkipped"/> says why <paramref name="Slurm"/> is null.</summary>
    private sealed record ClusterPart(ImageCheck WorkerImage, AddProcsFigure AddProcs, ClusterFigure? Slurm, string? SlurmSkipped);

    /// <summary>
    /// The addprocs line: rounds of <see cref="Commands.LocalWorkers"/> on Julia's default image
    /// and on the worker image, the order turning each round, after one unmeasured round of both;
    /// each process prints its own measure (see <c>addprocs_local.jl</c>).
    /// </summary>
    private async Task<AddProcsFigure> MeasureAddProcs(Runner runner, Tools tools, int types)
    {
        var project = Project(types);
        var image = WorkerImage(types);
        var script = EmbeddedScript.WriteTo(Path.Combine(work, "cluster"), ClusterSection.AddProcsScript);
        var rounds = Math.Max(options.ClusterRounds, ClusterSection.AddProcsMinRounds);
        Console.WriteLine($"bench: addprocs of {ClusterSection.AddProcsWorkers} local workers, Julia's default image against the worker image of {SynthPackage.Name(types)} ({rounds} rounds after one unmeasured)");
        var seconds = new[] { new List<double>(), new List<double>() };
        for (var round = -1; round < rounds; round++)
        {
            foreach (var withImage in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var cmd = Commands.LocalWorkers(tools, project, withImage ? image : null, script, ClusterSection.AddProcsWorkers);
                var (_, stdout) = await runner.Capture(cmd);
                if (!double.TryParse(stdout.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var elapsed))
                {
                    throw new BenchError($"{cmd.Display}: expected the seconds addprocs took, got '{stdout.Trim()}'");
                }

                if (round >= 0)
                {
                    seconds[withImage ? 1 : 0].Add(elapsed);
                }
            }

            if (round >= 0)
            {
                Console.WriteLine($"bench:   addprocs: {round + 1}/{rounds} rounds (last: {seconds[0][^1]:0.00} s on the default image, {seconds[1][^1]:0.00} s on the worker image)");
            }
        }

        return new AddProcsFigure(types, ClusterSection.AddProcsWorkers, new Samples(seconds[0]), new Samples(seconds[1]));
    }

    /// <summary>
    /// The cluster figure: for each worker count, rounds of the master without and with the
    /// largest package's worker image (<see cref="Commands.ClusterMaster"/>), on a one-node SLURM
    /// cluster started for it and stopped after. The master prints its own measure (from the
    /// launch time in BENCH_T0 until the last result) and the checksum, which must be a plain run's.
    /// </summary>
    private async Task<ClusterFigure> MeasureCluster(Runner runner, Tools tools, int types)
    {
        var name = SynthPackage.Name(types);
        var project = Project(types);
        var image = WorkerImage(types);
        var scripts = Path.Combine(work, "cluster");
        EmbeddedScript.WriteTo(scripts, "slurm_manager.jl");
        var master = EmbeddedScript.WriteTo(scripts, ClusterSection.MasterScript);
        var dir = Path.Combine(work, "slurm");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        Console.WriteLine($"bench: cluster figure of {name} with {string.Join(" and ", options.Workers)} SLURM workers ({options.ClusterRounds} round(s) each; starting a one-node cluster in {dir})");
        var (_, expected) = await runner.Capture(Commands.WithoutImage(tools, project, Commands.PrintChecksum(name))); // also fills the precompile cache
        using var slurm = new OneNodeSlurm(dir);
        var points = new List<ClusterPoint>();
        foreach (var workers in options.Workers)
        {
            var seconds = new[] { new List<double>(), new List<double>() };
            for (var round = 0; round < options.ClusterRounds; round++)
            {
                foreach (var withImage in round % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    var cmd = Commands.ClusterMaster(tools, project, withImage ? image : null, master, name, workers);
                    var env = new Dictionary<string, string>(cmd.Env!) { ["SLURM_CONF"] = slurm.Conf };
                    env["BENCH_T0"] = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
                    var (_, stdout) = await runner.Capture(cmd with { Env = env });
                    var fields = stdout.Trim().Split('\t');
                    if (fields.Length != 2 || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var elapsed))
                    {
                        throw new BenchError($"{cmd.Display}: expected 'SECONDS<tab>CHECKSUM', got '{stdout.Trim()}'");
                    }

                    if (fields[1] != expected.Trim())
                    {
                        throw new BenchError($"{name} on {workers} workers {(withImage ? "with" : "without")} the image returned {fields[1]}, a plain run {expected.Trim()}");
                    }

                    seconds[withImage ? 1 : 0].Add(elapsed);
                }

                Console.WriteLine($"bench:   {workers} workers: {round + 1}/{options.ClusterRounds} rounds (last: {seconds[0][^1]:0.0} s without, {seconds[1][^1]:0.0} s with the image)");
            }

            points.Add(new ClusterPoint(workers, new Samples(seconds[0]), new Samples(seconds[1])));
        }

        return new ClusterFigure(types, OneNodeSlurm.Cpus, points);
    }

    /// <summary>
    /// --launcher-only: the packages generated as usual, the largest size's image made ready by
    /// julia-sysimage without --force, then <see cref="MeasureLauncher"/>; nothing else is built or measured.
    /// </summary>
    public async Task<LauncherRun> RunLauncherOnly()
    {
        var load = MachineInfo.LoadAverage();
        var tools = LocateTools();
        var runner = new Runner(ChildEnvironment(), Environment.CurrentDirectory);
        Prepare();
        tools = tools with { EmptyProgram = await EmptyProgram.Publish(work) };
        var image = await EnsureImage(runner, tools, options.Sizes[^1]);
        var launcher = await MeasureLauncher(runner, tools, options.Sizes[^1]);
        return new LauncherRun(await MachineInfo.Read(runner, tools.Julia, load), options, launcher, image);
    }

    private string Project(int types) => Path.Combine(work, "synth-" + types.ToString(CultureInfo.InvariantCulture));

    private string Image(int types) => Path.Combine(work, "images", SynthPackage.Name(types).ToLowerInvariant() + ".so");

    /// <summary>The package's image for Distributed's workers (<see cref="Commands.WorkerImageBuild"/>), beside its plain one.</summary>
    private string WorkerImage(int types) => Path.Combine(work, "images", ClusterSection.WorkerImageFile(types));

    private Tools LocateTools()
    {
        var bin = Path.GetFullPath(options.BinDirectory);
        string InBin(string name) => File.Exists(Path.Combine(bin, name))
            ? Path.Combine(bin, name)
            : throw new BenchError($"no {name} in {bin} (run dotnet cake --target=Publish first)");
        var julia = options.Julia.Contains('/', StringComparison.Ordinal)
            ? Path.GetFullPath(options.Julia)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, options.Julia)).FirstOrDefault(File.Exists)
                ?? throw new BenchError($"{options.Julia} not found on PATH (dotnet cake --target=InstallJulia installs it)");
        if (!options.LauncherOnly && !File.Exists(GnuTime))
        {
            throw new BenchError($"{GnuTime} not found: GNU time measures the build steps' peak memory (apt-get install time)");
        }

        var baseline = options.BaselineLauncher is { } given ? Executable.Require(given, "--baseline-launcher") : null;
        return new Tools(julia, InBin("julia-net"), InBin("julia-sysimage"), baseline);
    }

    /// <summary>Your environment without anything that would change what Julia or the tools load.</summary>
    private Dictionary<string, string?> ChildEnvironment() => new(StringComparer.Ordinal)
    {
        ["JULIA_DEPOT_PATH"] = Path.Combine(work, "depot"),
        ["JULIA_NET_CACHE_DIR"] = Path.Combine(work, "julia-net-cache"),
        ["JULIA_PROJECT"] = null,
        ["JULIA_LOAD_PATH"] = null,
        ["JULIA_NET_JULIA"] = null,
        ["JULIA_NET_SYSIMAGE"] = null,
        ["JULIA_NET_STEP_STATS"] = null,
        ["JULIA_IMAGE_THREADS"] = null,
        ["JULIA_DEBUG"] = null,
        ["JULIAUP_DEPOT_PATH"] = Path.Combine(work, "juliaup-depot"),
        ["JULIAUP_CHANNEL"] = null,
    };

    /// <summary>A clean start: fresh depot and cache (so precompiling happens here), freshly generated packages.</summary>
    private void Prepare()
    {
        foreach (var dir in new[] { "depot", "julia-net-cache", BaselineCacheName }.Select(d => Path.Combine(work, d)).Concat(options.Sizes.Select(Project)))
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        Directory.CreateDirectory(Path.Combine(work, "images"));
        foreach (var types in options.Sizes)
        {
            foreach (var (path, text) in SynthPackage.Files(types))
            {
                var file = Path.Combine(Project(types), path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text);
            }
        }

        Console.WriteLine($"bench: generated {string.Join(", ", options.Sizes.Select(SynthPackage.Name))} in {work}");
    }

    private async Task<BuildCost> Build(Runner runner, Tools tools, int types)
    {
        var image = Image(types);
        var stats = Path.ChangeExtension(image, ".steps.jsonl");
        File.Delete(stats);
        Console.WriteLine($"bench: building the image of {SynthPackage.Name(types)} (julia-sysimage, 1-3 minutes)");
        var wall = await runner.Time(Commands.Build(tools, Project(types), image, stats));
        var steps = StepStats.Parse(File.ReadAllText(stats));
        Console.WriteLine($"bench:   built in {wall:0.0} s: {string.Join(", ", steps.Select(s => $"{s.Step} {s.Seconds:0.0} s"))}");

        var built = File.GetLastWriteTimeUtc(image);
        var noOp = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            noOp.Add(await runner.Time(Commands.NoOpBuild(tools, Project(types), image)));
        }

        if (File.GetLastWriteTimeUtc(image) != built)
        {
            throw new BenchError($"julia-sysimage rebuilt {image} instead of finding it up to date");
        }

        return new BuildCost(types, wall, steps, new FileInfo(image).Length, new Samples(noOp));
    }

    /// <summary>The baseline julia-net's cache (<see cref="Commands.BaselineShim"/>).</summary>
    private string BaselineCache => Path.Combine(work, BaselineCacheName);

    /// <summary>
    /// The image (<paramref name="forWorkers"/>: the worker image) as julia-sysimage without --force
    /// leaves it: up to date (its inputs as recorded; well under a second) or built (missing, or its
    /// inputs changed; minutes).
    /// </summary>
    private async Task<ImageCheck> EnsureImage(Runner runner, Tools tools, int types, bool forWorkers = false)
    {
        var image = forWorkers ? WorkerImage(types) : Image(types);
        DateTime? before = File.Exists(image) ? File.GetLastWriteTimeUtc(image) : null;
        Console.WriteLine($"bench: making the {(forWorkers ? "worker image (--distributed)" : "image")} of {SynthPackage.Name(types)} ready without --force (under a second when up to date; 1-4 minutes when it builds)");
        var seconds = await runner.Time(forWorkers ? Commands.WorkerImageBuild(tools, Project(types), image) : Commands.NoOpBuild(tools, Project(types), image));
        var built = before != File.GetLastWriteTimeUtc(image);
        Console.WriteLine(built ? $"bench:   built in {seconds:0.0} s" : $"bench:   up to date ({seconds * 1000:0} ms)");
        return new ImageCheck(built, seconds);
    }

    /// <summary>
    /// The programs one forced build and one up-to-date build run (strace, following
    /// children, stopping only at execve); none when strace is not installed.
    /// </summary>
    private async Task<BuildProcesses?> CountProcesses(Runner runner, Tools tools, int types)
    {
        if (!File.Exists(Strace))
        {
            Console.WriteLine($"bench: {Strace} not found: the processes a build runs are not counted (apt-get install strace)");
            return null;
        }

        Console.WriteLine($"bench: counting the processes a build of {SynthPackage.Name(types)} runs (one more build, under strace)");
        var image = Image(types);
        var forced = await Census(runner, Commands.Build(tools, Project(types), image, stats: null), "forced");
        var upToDate = await Census(runner, Commands.NoOpBuild(tools, Project(types), image), "up-to-date");
        return new BuildProcesses(types, forced, upToDate);
    }

    private async Task<IReadOnlyDictionary<string, int>> Census(Runner runner, Cmd build, string name)
    {
        var dir = Path.Combine(work, "strace", name);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        await runner.Time(new Cmd(Strace, ["-ff", "-qq", "--seccomp-bpf", "-e", "trace=execve", "-o", Path.Combine(dir, "trace"), build.Program, .. build.Args], build.Env));
        return ProcessCensus.Count(Directory.EnumerateFiles(dir).Select(File.ReadAllText));
    }

    private async Task<LauncherOverhead> MeasureLauncher(Runner runner, Tools tools, int types)
    {
        Console.WriteLine($"bench: launcher overhead with the image of {SynthPackage.Name(types)} (plain, and through a juliaup channel; own time beside an empty Native AOT program{(tools.BaselineJuliaNet is null ? "" : " and the baseline julia-net")})");
        var image = Image(types);
        WriteJuliaup(tools);
        // A launch is short: five times the rounds of the other comparisons, for a steady median.
        var samples = await Alternation.Measure(
            runner, [Commands.LauncherShim(tools, image), Commands.LauncherDirect(tools, image), Commands.LauncherJuliaup(tools, image)], options.Warmup, options.Pairs * 5, "launcher");
        var withStandIn = tools with { Julia = StandInJulia(tools) };
        var shim = Commands.LauncherShim(withStandIn, image, explicitJulia: true);
        // The empty Native AOT program runs in the same rounds, started the same way (the runner, whole process).
        List<Cmd> ownCommands = [shim, Commands.LauncherDirect(withStandIn, image), Commands.LauncherVersion(withStandIn), Commands.WithoutStaleCheck(shim), Commands.EmptyProgram(tools)];
        if (tools.BaselineJuliaNet is { } baselinePath)
        {
            var baselineShim = Commands.BaselineShim(withStandIn, image, BaselineCache);
            ownCommands.AddRange([baselineShim, Commands.LauncherVersion(withStandIn with { JuliaNet = baselinePath }), Commands.WithoutStaleCheck(baselineShim)]);
        }

        var own = await Alternation.Measure(runner, ownCommands, options.Warmup, options.Pairs * 10, "julia-net's own time");
        var baseline = tools.BaselineJuliaNet is { } path ? new BaselineLaunches(path, own[5], new LaunchParts(own[6], own[7])) : null;
        return new LauncherOverhead(types, samples[0], samples[1], samples[2], WatchedPaths(image), new OwnTime(own[0], own[1], baseline, new LaunchParts(own[2], own[3]), own[4]));
    }

    /// <summary>
    /// A julia that exits at once, for julia-net's own time: it answers julia-net's one-time probe
    /// through the real julia (so the version matches the image's) and does nothing otherwise.
    /// </summary>
    private string StandInJulia(Tools tools)
    {
        var path = Path.Combine(work, "stand-in", "julia");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"#!/bin/sh\n# julia-net's probe (-e with probe.jl's code) goes to the real julia; anything else exits at once.\ncase \"$*\" in *'emit(\"version\"'*) exec '{tools.Julia}' \"$@\" ;; esac\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>How many inputs the image's metadata records for julia-net's stale check (every launch stats each).</summary>
    private static int WatchedPaths(string image)
    {
        var metadata = new ImageFiles(image).Metadata;
        return ImageMetadataReader.ReadForLaunch(File.ReadAllBytes(metadata), metadata).Watch.Count;
    }

    /// <summary>
    /// A juliaup installation of the suite's own (JULIAUP_DEPOT_PATH): channel "bench", an
    /// installed version whose bin/julia links to the Julia measured, in a juliaup.json of the
    /// size juliaup writes for a few channels.
    /// </summary>
    private void WriteJuliaup(Tools tools)
    {
        var juliaup = Path.Combine(work, "juliaup-depot", "juliaup");
        var bin = Path.Combine(juliaup, "julia-bench+0.x64.linux.gnu", "bin");
        if (Directory.Exists(juliaup))
        {
            Directory.Delete(juliaup, recursive: true);
        }

        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "julia"), tools.Julia);
        File.WriteAllText(Path.Combine(juliaup, "juliaup.json"), $$"""
            {
              "Default": "release",
              "InstalledVersions": {
                "bench+0.x64.linux.gnu": { "Path": "./julia-bench+0.x64.linux.gnu" },
                "1.10.9+0.x64.linux.gnu": { "Path": "./julia-1.10.9+0.x64.linux.gnu" },
                "1.11.5+0.x64.linux.gnu": { "Path": "./julia-1.11.5+0.x64.linux.gnu" }
              },
              "InstalledChannels": {
                "{{Commands.JuliaupChannel}}": { "Version": "bench+0.x64.linux.gnu" },
                "lts": { "Version": "1.10.9+0.x64.linux.gnu" },
                "release": { "Version": "1.11.5+0.x64.linux.gnu" },
                "dev": { "Command": "/opt/julia-dev/julia", "Args": ["--startup-file=no"] }
              },
              "Settings": {},
              "Overrides": [ { "Path": "/nonexistent/project", "Channel": "lts" } ],
              "LastVersionDbUpdate": "2025-01-02T03:04:05.678901Z"
            }
            """);
    }

    private async Task<FirstResult> MeasureFirstResult(Runner runner, Tools tools, int types)
    {
        var name = SynthPackage.Name(types);
        var project = Project(types);
        Console.WriteLine($"bench: time to first result of {name} (precompiling it first)");
        var image = Image(types);
        var (_, expected) = await runner.Capture(Commands.WithoutImage(tools, project, Commands.PrintChecksum(name))); // also fills the precompile cache
        var (_, actual) = await runner.Capture(Commands.WithImage(tools, project, image, Commands.PrintChecksum(name)));
        if (expected != actual)
        {
            throw new BenchError($"{name}: the workload's checksum differs with the image ({actual}) and without ({expected})");
        }

        var without = Commands.WithoutImage(tools, project, Commands.Workload(name));
        var with = Commands.WithImage(tools, project, image, Commands.Workload(name));
        var (_, warm) = await runner.Capture(Commands.WarmRun(tools, project));
        if (!double.TryParse(warm.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var warmSeconds))
        {
            throw new BenchError($"{name}: warm.jl printed '{warm.Trim()}', not a time in seconds");
        }

        var samples = await Alternation.Measure(runner, [without, with, Commands.BareStart(tools)], options.Warmup, options.Pairs, name);
        return new FirstResult(types, samples[0], samples[1], samples[2], warmSeconds);
    }
}
