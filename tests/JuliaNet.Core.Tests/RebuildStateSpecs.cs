using JuliaNet.Errors;
using JuliaNet.Images;

namespace JuliaNet.Core.Tests;

public class RebuildStateSpecs
{
    [Fact]
    public void EveryState_ByItsName_ParsesBackAndNoTwoShareAName()
    {
        var states = Enum.GetValues<RebuildState>();

        Assert.All(states, state => Assert.Equal(state, RebuildStates.Parse(RebuildStates.Name(state))));
        Assert.Equal(states.Length, states.Select(RebuildStates.Name).Distinct().Count());
        Assert.Equal(["running", "failed"], states.Select(RebuildStates.Name));
    }

    [Theory]
    [InlineData("done")]
    [InlineData("Running")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_OfAnythingElse_IsNone(string? name)
    {
        Assert.Null(RebuildStates.Parse(name));
    }

    [Fact]
    public void FailedNow_OfARequest_IsFailedForItsInputsWithItsLogAndNoPidWhenItNeverStarted()
    {
        var request = new RebuildRequest("/i/sys.so", "f00d");

        var record = RebuildRecord.FailedNow(request, "cannot start the rebuild: gone", exitCode: null, ["/t/julia-sysimage", "/i/sys.so"]);

        Assert.True(record.IsFailed);
        Assert.Equal("f00d", record.Fingerprint);
        Assert.Equal("/i/.sys.so.rebuild.log", record.Log);
        Assert.Null(record.Pid);
        Assert.Null(record.ExitCode);
        Assert.NotNull(record.FinishedAt);
        Assert.Equal(record.StartedAt, record.FinishedAt);
    }

    [Fact]
    public void Started_ThenFailed_KeepsTheStartAndThePid()
    {
        var request = new RebuildRequest("/i/sys.so", "f00d");
        var started = RebuildRecord.Started(request, 42, DateTimeOffset.UnixEpoch, ["/t/julia-sysimage"]);

        var failed = RebuildRecord.FailedNow(request, "object: julia was killed by signal 9", ExitCode.BuildFailed, started.Command, started.Pid, started.StartedAt);

        Assert.Equal(RebuildState.Running, started.State);
        Assert.Equal((42, DateTimeOffset.UnixEpoch, 77), (failed.Pid!.Value, failed.StartedAt!.Value, failed.ExitCode!.Value));
        Assert.Equal(RebuildState.Failed, failed.State);
    }
}
