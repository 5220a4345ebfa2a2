using JuliaNet.Bench.Report;

namespace JuliaNet.Bench.Tests;

public class FormatSpecs
{
    [Theory]
    [InlineData(0.0042, "4.20 ms")]
    [InlineData(0.172, "172 ms")]
    [InlineData(12.72, "12.72 s")]
    [InlineData(125.2, "2m05s")]
    [InlineData(179.7, "3m00s")]
    [InlineData(3599.6, "60m00s")]
    public void Seconds_IsWrittenInTheUnitThatFits(double seconds, string written)
    {
        Assert.Equal(written, Format.Seconds(seconds));
    }
}
