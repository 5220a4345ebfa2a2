using JuliaNet.Bench.Measure;

namespace JuliaNet.Bench.Tests;

public sealed class StatsSpecs
{
    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 1.0, 1.0, 100.0 }, 1.0)]
    public void Median_Values_IsTheMiddleOfTheSortedValues(double[] values, double expected)
    {
        Assert.Equal(expected, Stats.Median(values));
    }

    [Fact]
    public void Median_NoValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => Stats.Median([]));
    }
}
