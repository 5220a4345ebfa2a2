using JuliaNet.Building;

namespace JuliaNet.Core.Tests;

public sealed class MemorySizeSpecs
{
    [Theory]
    [InlineData("4G", 4L << 30)]
    [InlineData("4g", 4L << 30)]
    [InlineData("4GB", 4L << 30)]
    [InlineData("4GiB", 4L << 30)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1.5G", 3L << 29)]
    [InlineData("64K", 64L << 10)]
    [InlineData("2T", 2L << 40)]
    [InlineData("1073741824", 1L << 30)]
    [InlineData(" 8G ", 8L << 30)]
    public void Parse_ASize_IsItsBytesInUnitsOf1024(string text, long bytes)
    {
        Assert.Equal(bytes, MemorySize.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("G")]
    [InlineData("four")]
    [InlineData("4X")]
    [InlineData("-1G")]
    [InlineData("0")]
    [InlineData("0G")]
    [InlineData("0.1")]
    [InlineData("1,5G")]
    [InlineData("4 G")]
    [InlineData("99999999999T")]
    public void Parse_NotASizeZeroOrTooLarge_IsNull(string text)
    {
        Assert.Null(MemorySize.Parse(text));
    }

    [Theory]
    [InlineData(5_049_000_000L, "4.7 GB")]
    [InlineData(1L << 30, "1.0 GB")]
    [InlineData(512L << 20, "512 MB")]
    [InlineData(1L << 20, "1 MB")]
    public void Format_GigabytesWithOneDecimal_MegabytesBelowOne(long bytes, string text)
    {
        Assert.Equal(text, MemorySize.Format(bytes));
    }
}
