using JuliaNet.Bench.Measure;

namespace JuliaNet.Bench.Tests;

public sealed class StepStatsSpecs
{
    [Fact]
    public void Parse_JsonLines_OneStepCostEach()
    {
        var steps = StepStats.Parse("{\"step\":\"precompile\",\"seconds\":1.95,\"maxRssKb\":224460}\n{\"step\":\"link\",\"seconds\":3.10,\"maxRssKb\":51000}\n");

        Assert.Equal([new StepCost("precompile", 1.95, 224460), new StepCost("link", 3.10, 51000)], steps);
    }

    [Fact]
    public void Parse_GnuTimeNote_IsSkipped()
    {
        var steps = StepStats.Parse("Command exited with non-zero status 1\n{\"step\":\"verify\",\"seconds\":0.5,\"maxRssKb\":1}\n");

        Assert.Equal("verify", Assert.Single(steps).Step);
    }

    [Fact]
    public void Parse_BrokenLine_IsABenchError()
    {
        Assert.Throws<BenchError>(() => StepStats.Parse("{\"step\":\"verify\"}"));
    }
}
