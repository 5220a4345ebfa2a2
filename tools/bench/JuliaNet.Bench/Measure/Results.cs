namespace JuliaNet.Bench.Measure;

/// <summary>Wall times in seconds of one command, measured in alternation with others.</summary>
public sealed record Samples(IReadOnlyList<double> Seconds)
{
    public double Median => Stats.Median(Seconds);
}

/// <summary>
/// <c>julia-net --sysimage IMG -e 0</c> against <c>julia -Cnative -J IMG -e 0</c>, and (when
/// measured) <c>julia-net +bench ...</c>, the Julia resolved from a juliaup channel.
/// </summary>
/// <param name="WatchedPaths">The inputs the image's metadata records for julia-net's stale check, which every launch of A and C checks.</param>
/// <param name="Own">julia-net's own time: julia-net starting a stand-in julia that exits at once, against the stand-in alone.</param>
public sealed record LauncherOverhead(int ImageTypes, Samples Shim, Samples Direct, Samples? Juliaup = null, int WatchedPaths = 0, OwnTime? Own = null)
{
    public double Ratio => Shim.Median / Direct.Median;

    /// <summary>julia-net reading juliaup.json to resolve the channel, over plain julia.</summary>
    public double? JuliaupRatio => Juliaup is null ? null : Juliaup.Median / Direct.Median;
}

/// <summary>julia-net's own time: the same launch with a stand-in julia that exits at once, minus the stand-in alone.</summary>
/// <param name="Baseline">Another julia-net's launches with the stand-in, in the same alternation (--baseline-launcher), or null.</param>
/// <param name="Parts">The launches that split the own time into its parts, or null when not measured.</param>
/// <param name="EmptyProgram">The empty Native AOT program (tools/bench/EmptyAot) in the same rounds, or null when not measured.</param>
public sealed record OwnTime(Samples WithLauncher, Samples Alone, BaselineLaunches? Baseline = null, LaunchParts? Parts = null, Samples? EmptyProgram = null)
{
    /// <summary>The parts of this julia-net's own time, when measured.</summary>
    public OwnTimeBreakdown? Breakdown => Parts is null ? null : OwnTimeBreakdown.Of(WithLauncher, Alone, Parts);

    /// <summary>The parts of the baseline's own time, when both were measured.</summary>
    public OwnTimeBreakdown? BaselineBreakdown => Baseline is { Parts: { } parts } b ? OwnTimeBreakdown.Of(b.WithLauncher, Alone, parts) : null;

    public double Seconds => WithLauncher.Median - Alone.Median;

    /// <summary>The baseline julia-net's own time, against the same stand-in rounds.</summary>
    public double? BaselineSeconds => Baseline is null ? null : Baseline.WithLauncher.Median - Alone.Median;

    /// <summary>This julia-net's own time over the baseline's: below 1, this one is faster.</summary>
    public double? RatioToBaseline => BaselineSeconds is { } baseline ? Seconds / baseline : null;

    /// <summary>This julia-net's own time over the empty Native AOT program's whole process: how many empty Native AOT launches it costs.</summary>
    public double? RatioToEmptyProgram => EmptyProgram is null ? null : Seconds / EmptyProgram.Median;

    /// <summary>The baseline's own time over the empty Native AOT program's, when both were measured.</summary>
    public double? BaselineRatioToEmptyProgram => EmptyProgram is not null && BaselineSeconds is { } baseline ? baseline / EmptyProgram.Median : null;
}

/// <summary>The baseline julia-net (its path as given) launching the stand-in.</summary>
public sealed record BaselineLaunches(string Launcher, Samples WithLauncher, LaunchParts? Parts = null);

/// <summary>
/// The launches that split julia-net's own time: <c>julia-net --julia-net-version</c> (the
/// process starting, reading its arguments, printing a line and exiting: no file read, no exec)
/// and the launch with <c>JULIA_NET_STALE=ignore</c> (everything but the stale check).
/// </summary>
public sealed record LaunchParts(Samples Version, Samples WithoutStaleCheck);

/// <summary>
/// julia-net's own time in three parts that add up to it (medians, so only roughly):
/// <see cref="Start"/>, the process itself (<c>--julia-net-version</c>); <see cref="Resolve"/>, finding
/// Julia, the image and the cache, reading its records and exec'ing (the launch without the stale
/// check, minus the stand-in alone, minus the start); <see cref="StaleCheck"/>, the launch minus
/// the launch without it.
/// </summary>
public sealed record OwnTimeBreakdown(double Start, double Resolve, double StaleCheck)
{
    public static OwnTimeBreakdown Of(Samples withLauncher, Samples alone, LaunchParts parts) =>
        new(parts.Version.Median, parts.WithoutStaleCheck.Median - alone.Median - parts.Version.Median, withLauncher.Median - parts.WithoutStaleCheck.Median);
}

/// <summary>Time to first result of one package, without and with its image, against bare start plus the warm workload.</summary>
public sealed record FirstResult(int Types, Samples WithoutImage, Samples WithImage, Samples BareStart, double WarmRunSeconds)
{
    /// <summary>How many times faster the first result is with the image (target: at least 30 for the largest package).</summary>
    public double Speedup => WithoutImage.Median / WithImage.Median;

    /// <summary>The best a process can do: start Julia and run already compiled code.</summary>
    public double Floor => BareStart.Median + WarmRunSeconds;

    /// <summary>First result with the image over the floor (target: at most 1.05).</summary>
    public double OverFloor => WithImage.Median / Floor;
}

public sealed record StepCost(string Step, double Seconds, long MaxRssKb);

/// <summary>One julia-sysimage build: its wall time, each step's wall time and peak memory, and up-to-date rebuilds.</summary>
public sealed record BuildCost(int Types, double WallSeconds, IReadOnlyList<StepCost> Steps, long ImageBytes, Samples NoOp)
{
    public long PeakRssKb => Steps.Count == 0 ? 0 : Steps.Max(s => s.MaxRssKb);

    /// <summary>What is not a step: validation, the Julia probe, hashing inputs, moving the image.</summary>
    public double OtherSeconds => WallSeconds - Steps.Sum(s => s.Seconds);

    public StepCost? Step(string name) => Steps.FirstOrDefault(s => s.Step == name);
}

/// <param name="Load">The 1-minute load average at the start and at the end of the run: other work on the machine shows here.</param>
public sealed record Machine(string Cpu, int Cores, string Memory, string Os, string Julia, string DotNet, string Commit, DateTimeOffset Date, string Load);

/// <summary>A --launcher-only run: the largest size's image made ready without --force, then the launcher measured.</summary>
public sealed record LauncherRun(Machine Machine, BenchOptions Options, LauncherOverhead Launcher, ImageCheck Image);

/// <summary>What julia-sysimage without --force did with the image: found it up to date, or built it.</summary>
public sealed record ImageCheck(bool Built, double Seconds);

public sealed record BenchResults(
    Machine Machine,
    BenchOptions Options,
    LauncherOverhead Launcher,
    IReadOnlyList<BuildCost> Builds,
    IReadOnlyList<FirstResult> FirstResults,
    BuildProcesses? Processes = null,
    PackageCompilerComparison? PackageCompiler = null,
    ClusterFigure? Cluster = null,
    string? ClusterSkipped = null,
    AddProcsFigure? AddProcs = null,
    ImageCheck? WorkerImage = null);

/// <summary>One tool's build of the compared package: wall time, the process tree's peak memory, the image's size.</summary>
/// <param name="ImageThreads">The image threads the tool said it used (julia-sysimage prints them), or null when it does not say.</param>
public sealed record ToolBuild(double WallSeconds, TreePeak Memory, long ImageBytes, int? ImageThreads = null);

/// <summary>
/// Both tools' builds at one setting of the image threads, and the package's workload with
/// each image: whole processes in alternation, and the warm workload inside one process.
/// </summary>
/// <param name="ForcedThreads">JULIA_IMAGE_THREADS for both builds, or null: each tool's default.</param>
/// <param name="OursFirst">Whether julia-sysimage built first (the order alternates between settings).</param>
/// <param name="OursDirect">The workload, <c>julia -J</c> julia-sysimage's image.</param>
/// <param name="TheirsDirect">The workload, <c>julia -J</c> PackageCompiler's image.</param>
/// <param name="OursLauncher">The workload, <c>julia-net --sysimage</c> julia-sysimage's image.</param>
/// <param name="OursWarm">Warm workload inside one process with julia-sysimage's image: the median of the runs' medians.</param>
public sealed record ComparisonSetting(
    int? ForcedThreads,
    bool OursFirst,
    ToolBuild Ours,
    ToolBuild Theirs,
    Samples OursDirect,
    Samples TheirsDirect,
    Samples OursLauncher,
    Samples OursWarm,
    Samples TheirsWarm)
{
    public string Label => ForcedThreads is { } n ? $"JULIA_IMAGE_THREADS={n} for both" : "each tool's default";
}

/// <summary>julia-sysimage against PackageCompiler on the largest package.</summary>
/// <param name="Version">PackageCompiler's version, as the environment loads it.</param>
public sealed record PackageCompilerComparison(int Types, PackageCompilerEnvironment Environment, string Version, IReadOnlyList<ComparisonSetting> Settings);

/// <summary>
/// The cluster figure at one worker count: seconds from starting the master until every worker
/// (started through srun on the one-node cluster) has returned the first result of the workload,
/// without the image (plain julia, the package from its precompile cache) and with it (the
/// master through julia-net on the package's worker image, built with --distributed, the
/// workers coming back through julia-net on the same image).
/// </summary>
public sealed record ClusterPoint(int Workers, Samples WithoutImage, Samples WithImage)
{
    /// <summary>How many times sooner every worker has its first result with the image.</summary>
    public double Speedup => WithoutImage.Median / WithImage.Median;
}

/// <summary>The cluster figure: the largest package's workload on N workers, for each N measured.</summary>
public sealed record ClusterFigure(int Types, int SlotCount, IReadOnlyList<ClusterPoint> Points);

/// <summary>
/// addprocs of <paramref name="Workers"/> local workers, in seconds inside the master (from just
/// before <c>using Distributed</c> until every worker has answered once): plain julia on Julia's
/// default image against julia-net on the largest package's worker image, same project.
/// </summary>
public sealed record AddProcsFigure(int Types, int Workers, Samples DefaultImage, Samples WorkerImage)
{
    /// <summary>How many times sooner the workers are ready with the worker image.</summary>
    public double Ratio => DefaultImage.Median / WorkerImage.Median;
}

/// <summary>
/// A --cluster-only run: the largest size's worker image made ready without --force (<paramref name="Image"/>),
/// then the addprocs line and, when SLURM is installed, the SLURM figure (else null, and <paramref name="ClusterSkipped"/> says why).
/// </summary>
public sealed record ClusterRun(Machine Machine, BenchOptions Options, ClusterFigure? Cluster, ImageCheck Image, AddProcsFigure? AddProcs = null, string? ClusterSkipped = null);
