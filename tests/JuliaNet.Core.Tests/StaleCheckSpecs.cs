using JuliaNet.Launching;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Images;

namespace JuliaNet.Core.Tests;

/// <summary>julia-net's check at launch that the inputs an image was built from are unchanged.</summary>
public sealed class StaleCheckSpecs
{
    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddDirectory("/p/src")
        .AddTextFile("/p/src/P.jl", "module P end")
        .Touch("/p/src", 100)
        .Touch("/p/src/P.jl", 200);

    private readonly WatchedPath[] watched = [new("/p/src", 100), new("/p/src/P.jl", 200, 12)];

    [Fact]
    public void FirstChange_NothingChanged_IsNull()
    {
        Assert.Null(StaleCheck.FirstChange(watched, fs));
    }

    [Fact]
    public void FirstChange_FileTouched_NamesIt()
    {
        fs.Touch("/p/src/P.jl", 201);

        Assert.Equal("/p/src/P.jl changed since it was built", StaleCheck.FirstChange(watched, fs));
    }

    [Fact]
    public void FirstChange_FileOfAnotherSize_NamesIt()
    {
        fs.AddTextFile("/p/src/P.jl", "module P; end").Touch("/p/src/P.jl", 200);

        Assert.Equal("/p/src/P.jl changed since it was built", StaleCheck.FirstChange(watched, fs));
    }

    [Fact]
    public void FirstChange_FileRemoved_SaysSo()
    {
        Assert.Equal("/gone.jl was removed since it was built", StaleCheck.FirstChange([new WatchedPath("/gone.jl", 1, 1)], fs));
    }

    [Fact]
    public void FirstChange_FileReplacedByAFifo_NamesItWithoutOpeningIt()
    {
        fs.Remove("/p/src/P.jl").AddSpecial("/p/src/P.jl").Touch("/p/src/P.jl", 200);

        Assert.Equal("/p/src/P.jl changed since it was built", StaleCheck.FirstChange(watched, fs));
        Assert.Empty(fs.OpenedForReading);
    }

    [Fact]
    public void FirstChange_DirectoryTouched_SaysAnEntryWasAddedOrRemoved()
    {
        fs.Touch("/p/src", 101);

        Assert.Equal("an entry of /p/src was added, removed or renamed since it was built", StaleCheck.FirstChange(watched, fs));
    }

    [Theory]
    [InlineData(null, null, false, StaleMode.Warn)]
    [InlineData(null, null, true, StaleMode.Rebuild)]
    [InlineData(null, StaleMode.Error, true, StaleMode.Error)]
    [InlineData("ignore", StaleMode.Error, false, StaleMode.Ignore)]
    [InlineData("error", null, true, StaleMode.Error)]
    [InlineData("warn", StaleMode.Ignore, true, StaleMode.Warn)]
    [InlineData("rebuild", null, false, StaleMode.Rebuild)]
    [InlineData(null, StaleMode.Rebuild, false, StaleMode.Rebuild)]
    public void Choose_VariableThenConfigThenRebuildForAProjectImageElseWarn(string? variable, StaleMode? config, bool projectImage, StaleMode expected)
    {
        Assert.Equal(expected, StaleModes.Choose(variable, () => config, projectImage));
    }

    [Fact]
    public void Choose_UnknownValue_IsAUsageErrorNamingTheVariable()
    {
        var error = Assert.Throws<UserError>(() => StaleModes.Choose("loud", () => null, projectImage: false));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Equal("JULIA_NET_STALE must be warn, ignore, error or rebuild, not \"loud\"", error.Message);
    }

    [Fact]
    public void Outcome_Warn_GivesTheLineWithTheRebuildCommandQuoted()
    {
        var outcome = StaleOutcome.Of(StaleMode.Warn, "/i/sys.so", "/p/src/P.jl changed since it was built", ["/bin/julia-sysimage", "--project", "/my project", "/i/sys.so"], () => null);

        var warned = Assert.IsType<StaleOutcome.Warned>(outcome);
        Assert.Equal("/i/sys.so is out of date: /p/src/P.jl changed since it was built; rebuild: /bin/julia-sysimage --project '/my project' /i/sys.so", warned.Warning);
    }

    [Fact]
    public void Outcome_Error_RefusesWithImageStale()
    {
        var outcome = StaleOutcome.Of(StaleMode.Error, "/i/sys.so", "x changed since it was built", [], () => null);

        var error = Assert.IsType<StaleOutcome.Refused>(outcome).Error;
        Assert.Equal(ExitCode.ImageStale, error.ExitCode);
        Assert.Equal("/i/sys.so is out of date: x changed since it was built", error.Message);
    }

    [Theory]
    [InlineData(StaleMode.Warn)]
    [InlineData(StaleMode.Error)]
    [InlineData(StaleMode.Rebuild)]
    public void Outcome_NothingChanged_IsUpToDateAndAsksForNoRebuild(StaleMode mode)
    {
        var outcome = StaleOutcome.Of(mode, "/i/sys.so", null, [], () => throw new InvalidOperationException("no rebuild asked for"));

        Assert.Equal(new StaleOutcome.UpToDate(mode, []), outcome with { Command = [] });
    }

    [Fact]
    public void Outcome_RebuildWithoutACommand_IsPassedOverWithAWarningAndNoRebuild()
    {
        var outcome = Assert.IsType<StaleOutcome.PassedOver>(StaleOutcome.Of(StaleMode.Rebuild, "/i/sys.so", "x changed", [], () => null));

        Assert.Null(outcome.Rebuild);
        Assert.Equal("/i/sys.so is out of date (x changed) and cannot be rebuilt in the background: its metadata records no rebuild command; this run uses Julia's default image", outcome.Warning);
    }

    [Fact]
    public void Outcome_IgnoredImage_IsNeverChecked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StaleOutcome.Of(StaleMode.Ignore, "/i/sys.so", "x changed", [], () => null));
    }
}
