using JuliaNet.Learning;

namespace JuliaNet.Core.Tests;

/// <summary>Issue 31: a store's counts, its run files' names, and when what was learned makes an image worth rebuilding.</summary>
public sealed class LearnedStateSpecs
{
    [Fact]
    public void State_WrittenAndRead_IsTheSame()
    {
        var state = new LearnedState(3, 120, 100, 2, 1, 4, 9000, true);

        Assert.Equal(state, LearnedState.Parse(state.Write()));
        Assert.Equal(20, state.New);
    }

    [Fact]
    public void State_Unreadable_CountsAsNothing() =>
        Assert.Equal(LearnedState.Empty, LearnedState.Parse("runs=x\ngarbage\n"));

    [Fact]
    public void RunFile_NamesItsWriter_AndNothingElseIsARunFile()
    {
        var store = new LearnedStore("/cache/projects/App-1/.sys.so.learned");
        var run = store.RunFile(4242, 1796576285721);

        Assert.Equal("/cache/projects/App-1/.sys.so.learned/run-4242-1796576285721.jl", run);
        Assert.Equal(4242, LearnedStore.WriterOf(Path.GetFileName(run)));
        Assert.Null(LearnedStore.WriterOf("learned.jl"));
        Assert.Null(LearnedStore.WriterOf("run-x-1.jl"));
        Assert.Null(LearnedStore.WriterOf(".learned.jl.tmp-0123"));
    }

    [Theory]
    [InlineData(0, 0, false)] // nothing new
    [InlineData(1, 0, true)] // no image yet: one statement can be a whole workload's compilation
    [InlineData(1, 8, true)]
    [InlineData(99, 1000, false)] // under 10% of what a large image holds
    [InlineData(100, 1000, true)]
    public void Worth_NewStatements_AtTheFloorAndTheShareOfTheImage(int fresh, int inImage, bool worth) =>
        Assert.Equal(worth, Improvement.Worth(new LearnedState(1, inImage + fresh, inImage, 0, 0, 0, 0, false)));
}
