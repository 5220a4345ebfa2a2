namespace JuliaNet.Bench.Tests;

public sealed class BenchOptionsSpecs
{
    [Fact]
    public void Parse_NoArguments_FullRunDefaults()
    {
        var options = BenchOptions.Parse([]);

        Assert.Equal([10, 30, 60], options.Sizes);
        Assert.Equal(20, options.Pairs);
        Assert.Equal(3, options.Warmup);
        Assert.False(options.Quick);
    }

    [Fact]
    public void Parse_Quick_TwoSizesAndFewerRounds()
    {
        var options = BenchOptions.Parse(["--quick"]);

        Assert.True(options.Quick);
        Assert.Equal(2, options.Sizes.Count);
        Assert.True(options.Pairs < 20);
    }

    [Fact]
    public void Parse_OptionBeforeQuick_WinsOverQuickDefaults()
    {
        var options = BenchOptions.Parse(["--pairs", "7", "--quick", "--sizes", "8,2,8"]);

        Assert.Equal(7, options.Pairs);
        Assert.Equal([2, 8], options.Sizes);
    }

    [Theory]
    [InlineData("--pairs", "0")]
    [InlineData("--pairs", "x")]
    [InlineData("--sizes", "3,-1")]
    [InlineData("--sizes", ",")]
    [InlineData("--frobnicate", "1")]
    public void Parse_BadArgument_IsABenchError(string option, string value)
    {
        Assert.Throws<BenchError>(() => BenchOptions.Parse([option, value]));
    }

    [Fact]
    public void Parse_MissingValue_IsABenchError()
    {
        var error = Assert.Throws<BenchError>(() => BenchOptions.Parse(["--bin"]));

        Assert.Equal("--bin needs a value", error.Message);
    }
}
