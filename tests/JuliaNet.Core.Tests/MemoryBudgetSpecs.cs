using JuliaNet.Building;
using JuliaNet.Errors;
using JuliaNet.Images;

namespace JuliaNet.Core.Tests;

/// <summary>The memory budget checked before the object step (issue 21, part 4): the rule, the previous build, the threads, the refusal.</summary>
public sealed class MemoryBudgetSpecs
{
    private const long MiB = 1L << 20;
    private const long GiB = 1L << 30;
    private const string Julia110 = "1.10.8";
    private const string Julia15 = "1.5.3";
    private const string Native = "native";

    private static readonly ThreadRequest Default = new(null, ThreadSource.Default);

    private static ImageMetadata Previous(string version, long peak, int? threads, string cpu = Native) =>
        new() { JuliaVersion = version, PeakMemoryBytes = peak, ImageThreads = threads, CpuTarget = cpu };

    private static MemoryPlan Plan(ThreadRequest request, string version, int cores, long? available, ImageMetadata? previous = null) =>
        MemoryBudget.Plan(request, version, Native, cores, previous, MemoryAllowance.Available(available));

    [Theory]
    [InlineData(Julia110, 1, 3584)]
    [InlineData(Julia110, 2, 5376)]
    [InlineData(Julia110, 4, 8960)]
    [InlineData("1.11.2", 2, 5376)]      // a later line: the newest rule
    [InlineData("not-a-version", 1, 3584)]
    [InlineData(Julia15, 1, 2560)]
    [InlineData(Julia15, 4, 2560)]       // before 1.10 code is generated on one thread
    [InlineData("1.9.4", 1, 2560)]
    public void Rule_IsABasePlusAnAmountPerExtraThread(string version, int threads, long mebibytes)
    {
        Assert.Equal(mebibytes * MiB, MemoryBudget.Rule(version, threads));
    }

    /// <summary>The rule against the peaks docs/benchmarks.md measured: never below one, at most 20% above.</summary>
    [Theory]
    [InlineData(Julia110, 1, 3247)]   // Synth60, JULIA_IMAGE_THREADS=1, process tree
    [InlineData(Julia110, 1, 3294)]   // the same, largest process
    [InlineData(Julia110, 2, 4815)]   // Synth60, 2 threads, object step
    [InlineData(Julia110, 2, 4877)]   // Synth10 and the comparison's 2-thread build
    [InlineData(Julia15, 1, 2031)]    // Synth10, object step
    [InlineData(Julia15, 1, 2204)]    // Synth60, object step
    public void Rule_CoversTheMeasuredPeaks(string version, int threads, long measuredMiB)
    {
        var rule = MemoryBudget.Rule(version, threads);

        Assert.InRange(rule, measuredMiB * MiB, measuredMiB * MiB * 6 / 5 + 300 * MiB);
    }

    [Fact]
    public void Estimate_PreviousBuildWithTheSameThreads_IsItsPeak()
    {
        Assert.Equal((4815 * MiB, true), MemoryBudget.Estimate(Julia110, Native, 2, Previous("1.10.7", 4815 * MiB, 2)));
    }

    [Theory]
    [InlineData(2, 1, 4800, 3200)]    // 4800 x 3.5 / 5.25
    [InlineData(1, 2, 3000, 4500)]    // 3000 x 5.25 / 3.5
    [InlineData(1, 3, 7000, 14000)]   // a large project: every thread costs in proportion
    public void Estimate_PreviousBuildWithOtherThreads_IsItsPeakScaledByTheRule(int used, int threads, long peakMiB, long expectedMiB)
    {
        var (bytes, fromPrevious) = MemoryBudget.Estimate(Julia110, Native, threads, Previous(Julia110, peakMiB * MiB, used));

        Assert.True(fromPrevious);
        Assert.Equal(expectedMiB * MiB, bytes);
    }

    [Fact]
    public void Estimate_PreviousBuildBefore110_IsItsPeakWithoutThreads()
    {
        Assert.Equal((2100 * MiB, true), MemoryBudget.Estimate(Julia15, Native, 1, Previous("1.5.4", 2100 * MiB, null)));
    }

    public static TheoryData<string, ImageMetadata?> NotComparable => new()
    {
        { "no previous build", null },
        { "no peak recorded", new ImageMetadata { JuliaVersion = Julia110, ImageThreads = 1, CpuTarget = Native } },
        { "another Julia line", Previous("1.9.4", 9 * GiB, 1) },
        { "another CPU target", Previous(Julia110, 9 * GiB, 1, "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1)") },
        { "1.10 metadata without its threads", Previous(Julia110, 9 * GiB, null) },
    };

    [Theory]
    [MemberData(nameof(NotComparable))]
    public void Estimate_NoComparablePreviousBuild_IsTheRule(string why, ImageMetadata? previous)
    {
        Assert.True(MemoryBudget.Estimate(Julia110, Native, 2, previous) == (MemoryBudget.Rule(Julia110, 2), false), why);
    }

    [Theory]
    [InlineData(2, 24, 2)]    // the project's machine: every core
    [InlineData(8, 12, 5)]    // 3.5 + 4 x 1.75 = 10.5 GiB fits, 12.25 does not
    [InlineData(8, 5, 1)]     // too little for two
    [InlineData(1, 64, 1)]
    [InlineData(16, 40, 16)]
    public void Plan_NothingGiven_OneThreadPerCoreWhileTheEstimateFits(int cores, long availableGiB, int expected)
    {
        var plan = Plan(Default, Julia110, cores, availableGiB * GiB);

        Assert.Equal((expected, (string?)null), (plan.Threads, plan.Warning));
        Assert.Equal(MemoryBudget.Rule(Julia110, expected), plan.Estimate);
    }

    [Fact]
    public void Plan_NothingGiven_ThreadsFitThePreviousBuild()
    {
        // A project that took 6 GiB with one thread: two would take 9 GiB, more than there is.
        var plan = Plan(Default, Julia110, 2, 8 * GiB, Previous(Julia110, 6 * GiB, 1));

        Assert.Equal((1, 6 * GiB, true), (plan.Threads, plan.Estimate, plan.FromPreviousBuild));
    }

    [Fact]
    public void Plan_MemoryUnknown_OneThreadByDefaultAndAnExplicitCountKept()
    {
        Assert.Equal(1, Plan(Default, Julia110, 8, null).Threads);
        Assert.Equal(6, Plan(new ThreadRequest(6, ThreadSource.Option), Julia110, 8, null).Threads);
    }

    [Theory]
    [InlineData(ThreadSource.Option)]
    [InlineData(ThreadSource.Environment)]
    public void Plan_ExplicitCountThatFits_IsKeptEvenAboveTheCores(ThreadSource source)
    {
        var plan = Plan(new ThreadRequest(4, source), Julia110, 2, 24 * GiB);

        Assert.Equal((4, (string?)null), (plan.Threads, plan.Warning));
    }

    [Fact]
    public void Plan_OptionThatDoesNotFit_IsLoweredWithOneWarning()
    {
        var plan = Plan(new ThreadRequest(4, ThreadSource.Option), Julia110, 8, 5 * GiB);

        Assert.Equal(1, plan.Threads);
        Assert.Equal("--image-threads 4 would need about 8.8 GB, and only 5.0 GB is available: using 1 image thread (about 3.5 GB); --memory-limit SIZE sets the memory the build may use", plan.Warning);
    }

    [Fact]
    public void Plan_VariableThatDoesNotFit_IsLoweredAndNamed()
    {
        var plan = MemoryBudget.Plan(new ThreadRequest(3, ThreadSource.Environment), Julia110, Native, 8, null, MemoryAllowance.Limit(6 * GiB));

        Assert.Equal(2, plan.Threads);
        Assert.StartsWith("JULIA_IMAGE_THREADS=3 would need about 7.0 GB, and --memory-limit allows 6.0 GB: using 2 image threads (about 5.3 GB)", plan.Warning);
    }

    [Fact]
    public void Plan_LimitAboveWhatIsAvailable_IsTheBudget()
    {
        // With swap, a user may insist: the limit, not the memory available, decides.
        var plan = MemoryBudget.Plan(new ThreadRequest(2, ThreadSource.Option), Julia110, Native, 2, null, MemoryAllowance.Limit(64 * GiB));

        Assert.Equal((2, (string?)null), (plan.Threads, plan.Warning));
        Assert.Equal("2 image threads, about 5.3 GB of 64.0 GB (--memory-limit)", plan.Progress);
    }

    [Fact]
    public void Plan_OneThreadDoesNotFit_RefusesNamingEstimateAvailableAndWhatToDo()
    {
        var error = Assert.Throws<UserError>(() => Plan(Default, Julia110, 2, 3 * GiB));

        Assert.Equal(ExitCode.NotEnoughMemory, error.ExitCode);
        Assert.Equal(
            "not enough memory to generate the image's code: it needs about 3.5 GB (estimated for Julia 1.10, 1 image thread), and only 3.0 GB is available; "
            + "free some memory, or pass --memory-limit SIZE (the memory the build may use; with swap, more than is available) to try anyway",
            error.Message);
    }

    [Fact]
    public void Plan_OneThreadDoesNotFitTheLimit_SaysTheEstimateCameFromThePreviousBuild()
    {
        var error = Assert.Throws<UserError>(() => MemoryBudget.Plan(
            new ThreadRequest(2, ThreadSource.Option), Julia110, Native, 2, Previous(Julia110, 3300 * MiB, 1), MemoryAllowance.Limit(512 * MiB)));

        Assert.Equal(ExitCode.NotEnoughMemory, error.ExitCode);
        Assert.StartsWith("not enough memory to generate the image's code: it needs about 3.2 GB (from the previous build, 1 image thread), and --memory-limit allows 512 MB; ", error.Message);
    }

    [Fact]
    public void Plan_Before110_OneThreadWhateverIsAsked()
    {
        var plan = Plan(new ThreadRequest(4, ThreadSource.Option), Julia15, 8, 3 * GiB);

        Assert.Equal((1, (string?)null, false), (plan.Threads, plan.Warning, plan.HasImageThreads));
        Assert.Equal("about 2.5 GB of 3.0 GB available", plan.Progress);
    }

    [Fact]
    public void Plan_Before110_RefusedWithoutNamingThreads()
    {
        var error = Assert.Throws<UserError>(() => Plan(Default, Julia15, 2, 2 * GiB));

        Assert.StartsWith("not enough memory to generate the image's code: it needs about 2.5 GB (estimated for Julia 1.5), and only 2.0 GB is available; ", error.Message);
    }

    [Fact]
    public void Progress_NamesThreadsEstimateItsSourceAndTheMemory()
    {
        Assert.Equal("2 image threads, about 5.3 GB of 20.0 GB available", Plan(Default, Julia110, 2, 20 * GiB).Progress);
        Assert.Equal("1 image thread, about 3.1 GB (from the previous build) of 20.0 GB available", Plan(new ThreadRequest(1, ThreadSource.Option), Julia110, 2, 20 * GiB, Previous(Julia110, 4800 * MiB, 2)).Progress);
        Assert.Equal("1 image thread, about 3.5 GB (memory available unknown)", Plan(Default, Julia110, 2, null).Progress);
    }
}
