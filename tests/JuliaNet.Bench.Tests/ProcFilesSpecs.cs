using JuliaNet.Bench.Measure;

namespace JuliaNet.Bench.Tests;

public sealed class ProcFilesSpecs
{
    [Theory]
    [InlineData("4242 (julia) S 4200 4242 4200 0 -1 4194560 1 0 0 0", 4200)]
    [InlineData("77 (a (b) c) R 1 77 77 0 -1", 1)]
    [InlineData("9 (with spaces ) ) Z 8 9 9", 8)]
    public void ParentPid_StatLine_IsTheFieldAfterTheState(string stat, int expected)
    {
        Assert.Equal(expected, ProcFiles.ParentPid(stat));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4242 julia S 4200")]
    [InlineData("4242 (julia) S")]
    public void ParentPid_Unreadable_IsNull(string stat)
    {
        Assert.Null(ProcFiles.ParentPid(stat));
    }

    [Fact]
    public void KilobytesOf_SmapsRollup_ReadsPssNotPssDirty()
    {
        const string rollup = "558a5beb2000-7ffef045a000 ---p 00000000 00:00 0   [rollup]\nRss:                1616 kB\nPss:                 230 kB\nPss_Dirty:           112 kB\n";

        Assert.Equal(230, ProcFiles.KilobytesOf(rollup, "Pss"));
        Assert.Equal(1616, ProcFiles.KilobytesOf(rollup, "Rss"));
        Assert.Equal(112, ProcFiles.KilobytesOf(rollup, "Pss_Dirty"));
    }

    [Fact]
    public void KilobytesOf_MissingKey_IsZero()
    {
        Assert.Equal(0, ProcFiles.KilobytesOf("Name:\tjulia\nVmPeak:\t  100 kB\n", "VmHWM"));
    }

    [Fact]
    public void Tree_Parents_AreTheRootAndAllItsDescendants()
    {
        var parentOf = new Dictionary<int, int> { [1] = 0, [10] = 1, [11] = 10, [12] = 11, [13] = 10, [20] = 1, [21] = 20 };

        Assert.Equal([10, 11, 12, 13], ProcFiles.Tree(10, parentOf).Order());
    }

    [Fact]
    public void Tree_RootAlreadyGone_IsTheRootAlone()
    {
        Assert.Equal([5], ProcFiles.Tree(5, new Dictionary<int, int> { [1] = 0 }));
    }
}
