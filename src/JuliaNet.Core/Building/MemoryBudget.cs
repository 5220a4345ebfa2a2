using System.Globalization;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Julia;

namespace JuliaNet.Building;

/// <summary>The memory a build may use: what the system has available now, or <c>--memory-limit</c>.</summary>
/// <param name="Bytes">Null when unknown (then nothing is refused).</param>
public sealed record MemoryAllowance(long? Bytes, bool IsLimit)
{
    public static MemoryAllowance Limit(long bytes) => new(bytes, true);

    public static MemoryAllowance Available(long? bytes) => new(bytes, false);

    /// <summary>How the progress line names it: <c>of 20.1 GB available</c>, <c>of 4.0 GB (--memory-limit)</c>.</summary>
    public string Of => Bytes is not { } b ? "(memory available unknown)" : IsLimit ? $"of {MemorySize.Format(b)} (--memory-limit)" : $"of {MemorySize.Format(b)} available";

    /// <summary>How an error or warning names it: <c>only 1.2 GB is available</c>, <c>--memory-limit allows 512 MB</c>.</summary>
    public string Clause => IsLimit ? $"--memory-limit allows {MemorySize.Format(Bytes ?? 0)}" : $"only {MemorySize.Format(Bytes ?? 0)} is available";
}

/// <summary>What the object step will run with: image threads fitted to the memory, and its estimated need.</summary>
/// <param name="Threads">The image threads (1 on Julia before 1.10, which has none).</param>
/// <param name="Warning">Set when an explicit count was lowered to fit.</param>
public sealed record MemoryPlan(int Threads, bool HasImageThreads, long Estimate, bool FromPreviousBuild, MemoryAllowance Allowance, string? Warning)
{
    /// <summary>The progress line's part: <c>2 image threads, about 4.8 GB of 20.1 GB available</c>.</summary>
    public string Progress =>
        (HasImageThreads ? MemoryBudget.ThreadCount(Threads) + ", " : "")
        + $"about {MemorySize.Format(Estimate)}{(FromPreviousBuild ? " (from the previous build)" : "")} {Allowance.Of}";
}

/// <summary>
/// The memory budget, checked before the object step (<c>julia --output-o</c>, which generates
/// the image's native code and takes nearly all of a build's memory), so a build that cannot
/// fit is refused in seconds instead of killed by the out-of-memory killer after many minutes.
/// <para>
/// The estimate, for a number of image threads: the peak memory of the previous build of the
/// same OUTPUT (its metadata's <c>peakMemoryBytes</c>, when it was built by the same Julia
/// minor version for the same CPU target), scaled by the rule's ratio between the threads
/// asked for and the threads it used; else the rule. The rule (docs/benchmarks.md, peak of the
/// object step with about 10% to spare): Julia 1.10 and later, <see cref="FirstThread"/> for one
/// thread and <see cref="ExtraThread"/> for each further one (1.10.8: Synth60 3247 MB with one,
/// 4815 to 4877 MB with two; the example project about 3.3 GB with one); before 1.10, which
/// generates code on one thread, <see cref="SingleThreadBefore110"/> (1.5.3: Synth10 to Synth60
/// 2031 to 2204 MB). A version it cannot read is taken as the newest.
/// </para>
/// <para>
/// The threads: by default one per core while the estimate fits, at least one. An explicit
/// count (<c>--image-threads</c>, <c>JULIA_IMAGE_THREADS</c>) that does not fit is lowered to
/// the most that do, with a warning: the count asks for speed, and a build killed after twenty
/// minutes gives none (<c>--memory-limit</c> raises the budget to insist). When even one
/// thread does not fit, the build is refused (<see cref="ExitCode.NotEnoughMemory"/>).
/// </para>
/// </summary>
public static class MemoryBudget
{
    public const long FirstThread = 3584 * MemorySize.MiB;

    public const long ExtraThread = 1792 * MemorySize.MiB;

    public const long SingleThreadBefore110 = 2560 * MemorySize.MiB;

    /// <summary>The rule's estimate of the object step's peak memory with this many image threads.</summary>
    public static long Rule(string juliaVersion, int threads) =>
        JuliaFeatures.HasImageThreads(juliaVersion) ? FirstThread + ((Math.Max(1, threads) - 1) * ExtraThread) : SingleThreadBefore110;

    /// <summary>
    /// The estimate with this many image threads: from <paramref name="previous"/> (the metadata
    /// of OUTPUT's previous build, or null) when it can say, else the rule.
    /// </summary>
    public static (long Bytes, bool FromPreviousBuild) Estimate(string juliaVersion, string cpuTarget, int threads, ImageMetadata? previous)
    {
        if (Comparable(previous, juliaVersion, cpuTarget) is not var (peak, used))
        {
            return (Rule(juliaVersion, threads), false);
        }

        return ((long)Math.Round(peak * (double)Rule(juliaVersion, threads) / Rule(juliaVersion, used)), true);
    }

    /// <summary>Fits the image threads to the allowance, or refuses when one thread does not fit.</summary>
    /// <param name="processors">The cores: the most threads the default takes.</param>
    public static MemoryPlan Plan(ThreadRequest request, string juliaVersion, string cpuTarget, int processors, ImageMetadata? previous, MemoryAllowance allowance)
    {
        var hasThreads = JuliaFeatures.HasImageThreads(juliaVersion);
        (long Bytes, bool FromPrevious) Need(int threads) => Estimate(juliaVersion, cpuTarget, threads, previous);
        var wanted = hasThreads ? request.Count ?? Math.Max(1, processors) : 1;
        if (allowance.Bytes is not { } budget)
        {
            var threads = hasThreads ? request.Count ?? 1 : 1;
            var (bytes, fromPrevious) = Need(threads);
            return new MemoryPlan(threads, hasThreads, bytes, fromPrevious, allowance, null);
        }

        for (var threads = wanted; threads >= 1; threads--)
        {
            var (bytes, fromPrevious) = Need(threads);
            if (bytes <= budget)
            {
                var warning = request.Count is { } asked && hasThreads && threads < asked
                    ? $"{request.Name} would need about {MemorySize.Format(Need(asked).Bytes)}, and {allowance.Clause}: using {ThreadCount(threads)} (about {MemorySize.Format(bytes)}); --memory-limit SIZE sets the memory the build may use"
                    : null;
                return new MemoryPlan(threads, hasThreads, bytes, fromPrevious, allowance, warning);
            }
        }

        var (one, onePrevious) = Need(1);
        var source = onePrevious ? "from the previous build" : "estimated for Julia " + MinorLine(juliaVersion);
        throw new UserError(
            ExitCode.NotEnoughMemory,
            $"not enough memory to generate the image's code: it needs about {MemorySize.Format(one)} ({source}{(hasThreads ? ", " + ThreadCount(1) : "")}), and {allowance.Clause}; "
            + "free some memory, or pass --memory-limit SIZE (the memory the build may use; with swap, more than is available) to try anyway");
    }

    public static string ThreadCount(int threads) => $"{threads} image thread{(threads == 1 ? "" : "s")}";

    /// <summary>The previous build's peak and image threads, when it is comparable: same Julia minor version, same CPU target, and (1.10+) its threads recorded.</summary>
    private static (long Peak, int Threads)? Comparable(ImageMetadata? previous, string juliaVersion, string cpuTarget)
    {
        if (previous is not { PeakMemoryBytes: > 0 and var peak, JuliaVersion: { } version } || MinorLine(version) != MinorLine(juliaVersion) || previous.CpuTarget != cpuTarget)
        {
            return null;
        }

        if (!JuliaFeatures.HasImageThreads(juliaVersion))
        {
            return (peak, 1);
        }

        return previous.ImageThreads is >= 1 and var threads ? (peak, threads) : null;
    }

    /// <summary><c>1.10</c> of <c>1.10.8</c>; the whole string when it is no version.</summary>
    private static string MinorLine(string version) =>
        JuliaRelease.Parse(version) is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r.Major}.{r.Minor}") : version;
}
