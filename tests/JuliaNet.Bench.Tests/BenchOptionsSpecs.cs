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
        Assert.False(options.LauncherOnly);
        Assert.Null(options.BaselineLauncher);
        Assert.Equal("docs", options.ReportDirectory);
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
    public void Parse_LauncherOnly_KeepsTheSizesWhoseLargestItMeasures()
    {
        var options = BenchOptions.Parse(["--launcher-only", "--sizes", "60"]);

        Assert.True(options.LauncherOnly);
        Assert.Equal([60], options.Sizes);
    }

    [Fact]
    public void Parse_LauncherOnlyWithoutOut_ReportGoesToTheWorkDirectoryNotDocs()
    {
        var options = BenchOptions.Parse(["--work", "/tmp/bench-work", "--launcher-only"]);

        Assert.Equal("/tmp/bench-work", options.ReportDirectory);
    }

    [Fact]
    public void Parse_LauncherOnlyWithOut_ReportGoesToOut()
    {
        var options = BenchOptions.Parse(["--launcher-only", "--out", "/tmp/reports"]);

        Assert.Equal("/tmp/reports", options.ReportDirectory);
    }

    [Fact]
    public void Parse_LauncherOnlyAndPackageCompilerOption_IsABenchError()
    {
        var error = Assert.Throws<BenchError>(() => BenchOptions.Parse(["--packagecompiler", "/opt/pc-env", "--launcher-only"]));

        Assert.StartsWith("--packagecompiler and --launcher-only exclude each other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LauncherOnlyAndPackageCompilerVariable_NoComparison()
    {
        var options = BenchOptions.Parse(["--launcher-only"], packageCompilerVariable: "/opt/pc-env");

        Assert.Null(options.PackageCompiler);
    }

    [Theory]
    [InlineData("--launcher-only")]
    [InlineData("--quick")]
    public void Parse_BaselineLauncher_IsThePathAsGivenWithOrWithoutLauncherOnly(string other)
    {
        var options = BenchOptions.Parse(["--baseline-launcher", "../old/julia-net", other]);

        Assert.Equal("../old/julia-net", options.BaselineLauncher);
    }

    [Fact]
    public void Parse_BaselineLauncherWithoutValue_IsABenchError()
    {
        var error = Assert.Throws<BenchError>(() => BenchOptions.Parse(["--launcher-only", "--baseline-launcher"]));

        Assert.Equal("--baseline-launcher needs a value", error.Message);
    }

    [Fact]
    public void Parse_BaselineLauncherEmptyValue_IsABenchError()
    {
        var error = Assert.Throws<BenchError>(() => BenchOptions.Parse(["--baseline-launcher", ""]));

        Assert.Equal("--baseline-launcher needs a non-empty value", error.Message);
    }

    [Fact]
    public void Usage_NamesLauncherOnlyAndTheBaselineLauncher()
    {
        Assert.Contains("--launcher-only", BenchOptions.Usage, StringComparison.Ordinal);
        Assert.Contains("--baseline-launcher PATH", BenchOptions.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_SaysWhereTheEmptyNativeAotProgramComesFromAndGoes()
    {
        Assert.Contains("tools/bench/EmptyAot", BenchOptions.Usage, StringComparison.Ordinal);
        Assert.Contains("WORK/empty-aot", BenchOptions.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_NamesTheOptionAndItsVariable()
    {
        Assert.Contains("--packagecompiler ENVDIR", BenchOptions.Usage, StringComparison.Ordinal);
        Assert.Contains(BenchOptions.PackageCompilerVariable, BenchOptions.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoClusterOptions_EightAndSixteenWorkersThreeRounds()
    {
        var options = BenchOptions.Parse([]);

        Assert.Equal([8, 16], options.Workers);
        Assert.Equal(3, options.ClusterRounds);
        Assert.False(options.NoCluster);
        Assert.False(options.ClusterOnly);
    }

    [Fact]
    public void Parse_Quick_FewWorkersOneClusterRound()
    {
        var options = BenchOptions.Parse(["--quick"]);

        Assert.Equal([2, 4], options.Workers);
        Assert.Equal(1, options.ClusterRounds);
    }

    [Fact]
    public void Parse_Workers_SortedWithoutDuplicates()
    {
        Assert.Equal([4, 16, 32], BenchOptions.Parse(["--workers", "32,4,16,4"]).Workers);
    }

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--workers", ",")]
    [InlineData("--cluster-rounds", "0")]
    [InlineData("--cluster-rounds", "x")]
    public void Parse_BadClusterCount_IsABenchErrorNamingTheOption(string option, string value)
    {
        var error = Assert.Throws<BenchError>(() => BenchOptions.Parse([option, value]));

        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ClusterOnly_ReportGoesToDocs()
    {
        Assert.Equal("docs", BenchOptions.Parse(["--cluster-only"]).ReportDirectory);
    }

    [Theory]
    [InlineData("--launcher-only", "--cluster-only")]
    [InlineData("--cluster-only", "--no-cluster")]
    public void Parse_TwoExclusiveOptions_IsABenchErrorNamingBoth(string first, string second)
    {
        var error = Assert.Throws<BenchError>(() => BenchOptions.Parse([first, second]));

        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Contains(second, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ClusterOnlyAndPackageCompilerVariable_NoComparison()
    {
        Assert.Null(BenchOptions.Parse(["--cluster-only"], packageCompilerVariable: "/opt/pc-env").PackageCompiler);
    }
}
