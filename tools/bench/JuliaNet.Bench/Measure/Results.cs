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
public sealed record OwnTime(Samples WithLauncher, Samples Alone)
{
    public double Seconds => WithLauncher.Median - Alone.Median;
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

public sealed record BenchResults(
    Machine Machine,
    BenchOptions Options,
    LauncherOverhead Launcher,
    IReadOnlyList<BuildCost> Builds,
    IReadOnlyList<FirstResult> FirstResults,
    BuildProcesses? Processes = null);
