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

    [Fact]
    public void Parse_NoPackageCompilerOptionOrVariable_NoComparison()
    {
        Assert.Null(BenchOptions.Parse(["--quick"]).PackageCompiler);
        Assert.Null(BenchOptions.Parse(["--quick"], packageCompilerVariable: "").PackageCompiler);
    }

    [Fact]
    public void Parse_PackageCompilerOption_IsTheEnvironmentFromTheCommandLine()
    {
        var options = BenchOptions.Parse(["--packagecompiler", "/root/pc/env", "--quick"]);

        Assert.Equal(new PackageCompilerEnvironment("/root/pc/env", OptionSource.CommandLine), options.PackageCompiler);
        Assert.Equal("--packagecompiler", options.PackageCompiler!.SourceName);
    }

    [Fact]
    public void Parse_OnlyTheVariable_IsTheEnvironmentFromTheVariable()
    {
        var options = BenchOptions.Parse([], packageCompilerVariable: "/opt/pc-env");

        Assert.Equal(new PackageCompilerEnvironment("/opt/pc-env", OptionSource.EnvironmentVariable), options.PackageCompiler);
        Assert.Equal("JULIA_NET_BENCH_PACKAGECOMPILER", options.PackageCompiler!.SourceName);
    }

    [Fact]
    public void Parse_OptionAndVariable_OptionWins()
    {
        var options = BenchOptions.Parse(["--packagecompiler", "mine"], packageCompilerVariable: "/opt/pc-env");

        Assert.Equal(new PackageCompilerEnvironment("mine", OptionSource.CommandLine), options.PackageCompiler);
    }

    [Fact]
    public void Parse_PackageCompilerWithoutValue_IsABenchError()
    {
        var error = Assert.Throws<BenchError>(() => BenchOptions.Parse(["--packagecompiler"], packageCompilerVariable: "/opt/pc-env"));

        Assert.Equal("--packagecompiler needs a value", error.Message);
    }

    [Fact]
    public void Parse_PackageCompilerEmptyValue_IsABenchError()
    {
        var error = Assert.Throws<BenchError>(() => BenchOptions.Parse(["--packagecompiler", ""]));

        Assert.Equal("--packagecompiler needs a non-empty value", error.Message);
    }

    [Fact]
    public void Usage_NamesTheOptionAndItsVariable()
    {
        Assert.Contains("--packagecompiler ENVDIR", BenchOptions.Usage, StringComparison.Ordinal);
        Assert.Contains(BenchOptions.PackageCompilerVariable, BenchOptions.Usage, StringComparison.Ordinal);
    }
}
