using JuliaNet.Paths;

namespace JuliaNet.Bench.Measure;

/// <summary>A process to run: program, argument list (no shell) and extra environment variables.</summary>
public sealed record Cmd(string Program, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string>? Env = null)
{
    /// <summary>How the command reads in a shell, for the report and error messages.</summary>
    public string Display => string.Join(' ', (Env ?? new Dictionary<string, string>()).Select(e => $"{e.Key}={ShellWords.Quote(e.Value)}").Append(Program).Concat(Args.Select(ShellWords.Quote)));
}

/// <summary>The programs measured: absolute paths when running, bare names in the report.</summary>
/// <param name="BaselineJuliaNet">The julia-net of --baseline-launcher, or null.</param>
/// <param name="EmptyProgram">The empty Native AOT program the suite published, or null before it is.</param>
public sealed record Tools(string Julia, string JuliaNet, string JuliaSysimage, string? BaselineJuliaNet = null, string? EmptyProgram = null)
{
    public static readonly Tools Names = new("julia", "julia-net", "julia-sysimage", "BASELINE", "EMPTY-AOT");
}

/// <summary>
/// Every command the suite measures, built once for running (real paths) and once for the
/// report (<c>P</c> for a package's project, <c>IMG</c> for its image), so the two agree.
/// </summary>
public static class Commands
{
    public static Cmd BareStart(Tools t) => new(t.Julia, ["-e", "0"]);

    /// <param name="explicitJulia">Name the Julia (<c>--julia</c>) instead of taking the one the image's metadata records.</param>
    public static Cmd LauncherShim(Tools t, string image, bool explicitJulia = false) =>
        new(t.JuliaNet, [.. explicitJulia ? new[] { "--julia", t.Julia } : [], "--sysimage", image, "-e", "0"]);

    /// <summary>
    /// The baseline julia-net launching the stand-in (<paramref name="t"/>'s Julia), with a probe
    /// cache of its own: an older julia-net may keep it in another format, and the two would
    /// then make each other probe again on every launch.
    /// </summary>
    public static Cmd BaselineShim(Tools t, string image, string cache) =>
        LauncherShim(t with { JuliaNet = t.BaselineJuliaNet ?? throw new ArgumentException("no baseline julia-net", nameof(t)) }, image, explicitJulia: true) with { Env = new Dictionary<string, string> { ["JULIA_NET_CACHE_DIR"] = cache } };

    /// <summary>julia-net printing its version: the process alone, no file read and no exec.</summary>
    public static Cmd LauncherVersion(Tools t) => new(t.JuliaNet, ["--julia-net-version"]);

    /// <summary>The empty Native AOT program (tools/bench/EmptyAot), no arguments: a Native AOT process starting and exiting.</summary>
    public static Cmd EmptyProgram(Tools t) => new(t.EmptyProgram ?? throw new ArgumentException("no empty Native AOT program", nameof(t)), []);

    /// <summary>A launch without the stale check (JULIA_NET_STALE=ignore), on top of <paramref name="launch"/>'s environment.</summary>
    public static Cmd WithoutStaleCheck(Cmd launch) =>
        launch with { Env = new Dictionary<string, string>(launch.Env ?? new Dictionary<string, string>()) { ["JULIA_NET_STALE"] = "ignore" } };

    public static Cmd LauncherDirect(Tools t, string image) => new(t.Julia, ["-Cnative", "-J", image, "-e", "0"]);

    /// <summary>The juliaup channel every benchmark process can see (JULIAUP_DEPOT_PATH points at the suite's own juliaup.json).</summary>
    public const string JuliaupChannel = "bench";

    /// <summary>julia-net resolving Julia from juliaup.json (channel <see cref="JuliaupChannel"/>): the overhead juliaup users pay.</summary>
    public static Cmd LauncherJuliaup(Tools t, string image) => new(t.JuliaNet, ["+" + JuliaupChannel, "--sysimage", image, "-e", "0"]);

    /// <summary>The workload of the issue: load the package and call workload() once.</summary>
    public static string Workload(string package) => $"using {package}; {package}.workload()";

    /// <summary>The workload, printing its checksum (not timed: printing a Float64 compiles code of its own).</summary>
    public static string PrintChecksum(string package) => $"using {package}; print({package}.workload())";

    public static Cmd WithoutImage(Tools t, string project, string expression) => new(t.Julia, ["--project=" + project, "-e", expression]);

    public static Cmd WithImage(Tools t, string project, string image, string expression) =>
        new(t.JuliaNet, ["--sysimage", image, "--project=" + project, "-e", expression]);

    /// <summary>
    /// The cluster figure's master (<c>cluster_first_results.jl</c>): <paramref name="workers"/>
    /// workers through srun, each loading the package and running its workload once. Without an
    /// image, plain julia; with one, julia-net on it, whose workers come back through julia-net
    /// on the same image (Distributed's default exename and exeflags). The project reaches the
    /// workers as JULIA_PROJECT (srun passes the environment on); a worker waits up to 600 s for
    /// the master to connect (JULIA_WORKER_TIMEOUT), as 16 workers on 2 cores can take that long.
    /// </summary>
    public static Cmd ClusterMaster(Tools t, string project, string? image, string script, string package, int workers) =>
        new(image is null ? t.Julia : t.JuliaNet, [.. image is null ? [] : new[] { "--sysimage", image }, script], new Dictionary<string, string>
        {
            ["JULIA_PROJECT"] = project,
            ["JULIA_WORKER_TIMEOUT"] = "600",
            ["BENCH_PACKAGE"] = package,
            ["BENCH_WORKERS"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>
    /// The addprocs line's process (<c>addprocs_local.jl</c>): <paramref name="workers"/> local
    /// workers added and each asked for its id once. Without an image, plain julia on Julia's
    /// default image; with one, julia-net on it, whose workers run on the same image
    /// (Distributed's default exename and exeflags). The project reaches the workers as
    /// JULIA_PROJECT; JULIA_WORKER_TIMEOUT as for the SLURM figure, for a busy machine.
    /// </summary>
    public static Cmd LocalWorkers(Tools t, string project, string? image, string script, int workers) =>
        new(image is null ? t.Julia : t.JuliaNet, [.. image is null ? [] : new[] { "--sysimage", image }, script], new Dictionary<string, string>
        {
            ["JULIA_PROJECT"] = project,
            ["JULIA_WORKER_TIMEOUT"] = "600",
            ["BENCH_WORKERS"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public static Cmd WarmRun(Tools t, string project) => new(t.Julia, ["--project=" + project, Path.Combine(project, "warm.jl")]);

    /// <param name="stats">Where julia-sysimage appends each step's wall time and peak memory (null: no GNU time around the steps).</param>
    public static Cmd Build(Tools t, string project, string image, string? stats) =>
        new(t.JuliaSysimage, ["--force", .. BuildArgs(t, project, image)], stats is null ? null : new Dictionary<string, string> { ["JULIA_NET_STEP_STATS"] = stats });

    public static Cmd NoOpBuild(Tools t, string project, string image) => new(t.JuliaSysimage, BuildArgs(t, project, image));

    /// <summary>
    /// The worker image the cluster part measures: the same build with <c>--distributed</c>
    /// (Distributed and the code of a session with local workers go in), without --force, so an
    /// up-to-date image is kept.
    /// </summary>
    public static Cmd WorkerImageBuild(Tools t, string project, string image) => new(t.JuliaSysimage, ["--distributed", .. BuildArgs(t, project, image)]);

    /// <summary>A julia-sysimage build for the comparison with PackageCompiler (threads: JULIA_IMAGE_THREADS, null for its default).</summary>
    public static Cmd ComparedBuild(Tools t, string project, string script, string image, int? threads) =>
        new(t.JuliaSysimage, ["--force", "--julia", t.Julia, "--project", project, "--script", script, image], ImageThreads(threads));

    /// <summary>
    /// PackageCompiler's build of the same package with the same script, through the suite's
    /// driver script (<see cref="Running.PackageCompilerDriver"/>), offline, with a depot of its own.
    /// </summary>
    public static Cmd PackageCompilerBuild(Tools t, string environment, string depot, string driver, string package, string project, string script, string image, int? threads) =>
        new(t.Julia, ["--startup-file=no", "--project=" + environment, driver, package, project, script, image], Offline(depot, threads));

    /// <summary>Loads PackageCompiler (precompiling it into the depot) and prints its version.</summary>
    public static Cmd PackageCompilerVersion(Tools t, string environment, string depot) =>
        new(t.Julia, ["--startup-file=no", "--project=" + environment, "-e", "using PackageCompiler; print(pkgversion(PackageCompiler))"], Offline(depot, threads: null));

    /// <summary>The package's cache as PackageCompiler makes it (<c>--pkgimages=no</c>, the project on JULIA_LOAD_PATH), so no build pays for it.</summary>
    public static Cmd PackageCompilerPrecompile(Tools t, string depot, string project) =>
        new(t.Julia, ["--startup-file=no", "--pkgimages=no", "-e", "using Pkg; Pkg.precompile()"], new Dictionary<string, string>(Offline(depot, threads: null)) { ["JULIA_LOAD_PATH"] = project + ":@stdlib" });

    /// <summary>The workload with an image, plain julia (either tool's image).</summary>
    public static Cmd DirectWithImage(Tools t, string project, string image, string expression) =>
        new(t.Julia, ["-Cnative", "-J", image, "--project=" + project, "-e", expression]);

    /// <summary>The warm workload (warm.jl) with an image, plain julia.</summary>
    public static Cmd WarmRunWithImage(Tools t, string project, string warmScript, string image) =>
        new(t.Julia, ["-Cnative", "-J", image, "--project=" + project, warmScript]);

    /// <summary>PackageCompiler's environment: its own depot, Pkg offline, and the image threads when forced.</summary>
    private static Dictionary<string, string> Offline(string depot, int? threads)
    {
        var env = new Dictionary<string, string> { ["JULIA_DEPOT_PATH"] = depot, ["JULIA_PKG_OFFLINE"] = "true" };
        if (threads is { } n)
        {
            env["JULIA_IMAGE_THREADS"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return env;
    }

    private static Dictionary<string, string>? ImageThreads(int? threads) =>
        threads is { } n ? new() { ["JULIA_IMAGE_THREADS"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) } : null;

    private static string[] BuildArgs(Tools t, string project, string image) =>
        ["--julia", t.Julia, "--project", project, "--script", Path.Combine(project, "precompile.jl"), image];
}
