using JuliaNet.Learning;

namespace JuliaNet.Core.Tests;

/// <summary>Issue 31: runs' trace files folded into a store: whole lines, each statement once, nothing set aside, never past the limit.</summary>
public sealed class LearnedMergeSpecs
{
    private const string A = "precompile(Tuple{typeof(Main.a), Int64})";
    private const string B = "precompile(Tuple{typeof(Main.b), Int64})";
    private const string C = "precompile(Tuple{typeof(Main.c), Int64})";
    private static readonly HashSet<string> NoneSetAside = [];

    [Fact]
    public void Merge_RunsSharingStatements_KeepsEachOnceInTheOrderFirstLearned()
    {
        var merged = LearnedMerge.Merge([A], 1, NoneSetAside, [$"{B}\n{A}\n", $"{B} # recompile\n{C}\n"], long.MaxValue);

        Assert.Equal([A, B, C], merged.Statements);
        Assert.Equal((2, 0, 0, 1, true), (merged.Added, merged.Skipped, merged.OverLimit, merged.InImage, merged.Changed));
    }

    [Fact]
    public void Merge_ARunKilledWhileItWrote_SkipsAndCountsItsPartialLastLineOnly()
    {
        var merged = LearnedMerge.Merge([], 0, NoneSetAside, [$"{A}\n{B}\nprecompile(Tuple{{typeof(Main.c), In"], long.MaxValue);

        Assert.Equal([A, B], merged.Statements);
        Assert.Equal(1, merged.Skipped);
    }

    [Fact]
    public void Merge_AStatementSetAside_IsNeverLearnedAgainAndLeavesTheStore()
    {
        var merged = LearnedMerge.Merge([A, B], 2, new HashSet<string> { B }, [$"{B}\n{C}\n"], long.MaxValue);

        Assert.Equal([A, C], merged.Statements);
        Assert.Equal(1, merged.InImage); // B was in the image's count; it no longer is
        Assert.True(merged.Changed);
    }

    [Fact]
    public void Merge_AtTheLimit_LeavesNewStatementsOutAndCountsThem()
    {
        var limit = (A.Length + 1) + (B.Length + 1);

        var merged = LearnedMerge.Merge([A], 1, NoneSetAside, [$"{B}\n{C}\n"], limit);

        Assert.Equal([A, B], merged.Statements);
        Assert.Equal(1, merged.OverLimit);
        Assert.Equal(limit, merged.Bytes);
    }

    [Fact]
    public void Merge_NothingNew_ChangesNothing()
    {
        var merged = LearnedMerge.Merge([A, B], 2, NoneSetAside, [$"{A}\n", ""], long.MaxValue);

        Assert.False(merged.Changed);
        Assert.Equal($"{A}\n{B}\n", merged.Text());
    }
}
