using JuliaNet.Bench.Report;

namespace JuliaNet.Bench.Tests;

public sealed class BenchmarkPageSpecs
{
    private static string Report(string version, string marker) => $"""
        # Benchmarks

        Generated on a day.

        ## Headline

        | measure | result |
        |---|---|
        | first result | {marker} |

        ## Machine

        | item | value |
        |---|---|
        | Julia | julia version {version} |

        """;

    [Theory]
    [InlineData("julia version 1.5.3", "1.5")]
    [InlineData("julia version 1.10.8", "1.10")]
    [InlineData("julia version 1.11.0-rc2", "1.11")]
    public void Release_JuliaVersionLine_IsMajorDotMinor(string line, string expected)
    {
        Assert.Equal(expected, BenchmarkPage.Release(line));
    }

    [Fact]
    public void Release_NoVersion_IsABenchError()
    {
        Assert.Throws<BenchError>(() => BenchmarkPage.Release("julia"));
    }

    [Fact]
    public void Merge_NoPage_IsTitleAndOneSectionWithHeadingsOneLevelDown()
    {
        var page = BenchmarkPage.Merge(null, "1.10", "julia version 1.10.8", Report("1.10.8", "130x"));

        Assert.StartsWith("# Benchmarks\n", page, StringComparison.Ordinal);
        Assert.Single(page.Split('\n'), l => l == "# Benchmarks");
        Assert.Contains("<!-- bench julia-1.10 -->\n## Julia 1.10.8\n", page, StringComparison.Ordinal);
        Assert.Contains("\n### Headline\n", page, StringComparison.Ordinal);
        Assert.Contains("\n### Machine\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\n## Headline", page, StringComparison.Ordinal);
        Assert.EndsWith("<!-- /bench julia-1.10 -->\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_OtherRelease_KeepsTheFirstAndOrdersByReleaseNumber()
    {
        var first = BenchmarkPage.Merge(null, "1.10", "julia version 1.10.8", Report("1.10.8", "MARK-110"));
        var page = BenchmarkPage.Merge(first, "1.5", "julia version 1.5.3", Report("1.5.3", "MARK-15"));

        Assert.Contains("MARK-110", page, StringComparison.Ordinal);
        Assert.Contains("MARK-15", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("## Julia 1.5.3", StringComparison.Ordinal) < page.IndexOf("## Julia 1.10.8", StringComparison.Ordinal), page);
    }

    [Fact]
    public void Merge_SameReleaseAgain_ReplacesOnlyThatSection()
    {
        var page = BenchmarkPage.Merge(null, "1.5", "julia version 1.5.3", Report("1.5.3", "MARK-15"));
        page = BenchmarkPage.Merge(page, "1.10", "julia version 1.10.7", Report("1.10.7", "OLD-110"));
        page = BenchmarkPage.Merge(page, "1.10", "julia version 1.10.8", Report("1.10.8", "NEW-110"));

        Assert.DoesNotContain("OLD-110", page, StringComparison.Ordinal);
        Assert.DoesNotContain("1.10.7", page, StringComparison.Ordinal);
        Assert.Contains("NEW-110", page, StringComparison.Ordinal);
        Assert.Contains("MARK-15", page, StringComparison.Ordinal);
        Assert.Single(page.Split('\n'), l => l == "<!-- bench julia-1.10 -->");
    }

    [Fact]
    public void Merge_PageFromBeforeSections_BecomesTheSectionOfTheJuliaItsMachineTableNames()
    {
        var page = BenchmarkPage.Merge(Report("1.5.3", "LEGACY-15"), "1.10", "julia version 1.10.8", Report("1.10.8", "NEW-110"));

        Assert.Contains("<!-- bench julia-1.5 -->\n## Julia 1.5.3\n", page, StringComparison.Ordinal);
        Assert.Contains("LEGACY-15", page, StringComparison.Ordinal);
        Assert.Contains("NEW-110", page, StringComparison.Ordinal);
        Assert.Single(page.Split('\n'), l => l == "# Benchmarks");
    }

    [Fact]
    public void Merge_CommentsInACodeBlock_AreNotHeadings()
    {
        var report = Report("1.10.8", "x") + "\n```julia\n# a comment\n#\nusing X\n```\n\n## After\n";

        var page = BenchmarkPage.Merge(null, "1.10", "julia version 1.10.8", report);

        Assert.Contains("```julia\n# a comment\n#\nusing X\n```\n\n### After\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartFile_Release_IsNamedForIt()
    {
        Assert.Equal("benchmarks-chart-julia-1.10.svg", BenchmarkPage.ChartFile("1.10"));
    }
}
