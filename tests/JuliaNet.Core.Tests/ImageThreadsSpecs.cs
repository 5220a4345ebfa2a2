using JuliaNet.Building;

namespace JuliaNet.Core.Tests;

public sealed class ImageThreadsSpecs
{
    private const long GiB = 1L << 30;

    [Theory]
    [InlineData(2, 24, 2)]   // the project's machine: every core
    [InlineData(8, 6, 2)]    // a laptop short of memory: (6 - 2) / 2
    [InlineData(8, 3, 1)]    // too little for two
    [InlineData(1, 64, 1)]
    [InlineData(16, 40, 16)]
    public void Choose_NothingGiven_OneThreadPerCoreWhileMemoryLasts(int cores, long availableGiB, int expected)
    {
        Assert.Equal(expected, ImageThreads.Choose(null, null, cores, availableGiB * GiB));
    }

    [Fact]
    public void Choose_MemoryUnknown_OneThread()
    {
        Assert.Equal(1, ImageThreads.Choose(null, null, 8, null));
    }

    [Theory]
    [InlineData(3, "5", 3)]
    [InlineData(null, "5", 5)]
    [InlineData(null, "0", 2)]
    [InlineData(null, "many", 2)]
    public void Choose_OptionThenTheUsersVariable_WinOverTheDefault(int? option, string variable, int expected)
    {
        Assert.Equal(expected, ImageThreads.Choose(option, variable, 2, 24 * GiB));
    }
}
