using System.Text;
using System.Text.RegularExpressions;

namespace JuliaNet.Bench.Report;

/// <summary>
/// docs/benchmarks.md holds one section per Julia release (MAJOR.MINOR): a run replaces the
/// section of the Julia it measured and keeps the others, so the page shows, for example, the
/// 1.5 run CI's Julia gets and the 1.10 run of a Julia built on a contributor's machine.
/// </summary>
public static partial class BenchmarkPage
{
    public const string Title = "# Benchmarks";

    private const string Intro =
        "One section per Julia release, each written by its own run of `dotnet cake --target=Bench` " +
        "(the suite in `tools/bench/`; `JULIA_NET_TEST_JULIA` names the Julia to measure, default the one on PATH). " +
        "A run replaces the section of the Julia it measured and keeps the others. Do not edit by hand.";

    [GeneratedRegex(@"^<!-- bench julia-(?<release>\d+\.\d+) -->\n(?<body>.*?)^<!-- /bench julia-\k<release> -->\n", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"^\| Julia \| (?<version>julia version (?<release>\d+\.\d+)\.[^|]*?) \|", RegexOptions.Multiline)]
    private static partial Regex LegacyJuliaRow();

    [GeneratedRegex(@"^(#{1,5}) ")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<major>\d+)\.(?<minor>\d+)(\.\d+)?")]
    private static partial Regex Version();

    /// <summary>"1.10" from "julia version 1.10.8" (what `julia --version` prints).</summary>
    public static string Release(string juliaVersion)
    {
        var m = Version().Match(juliaVersion);
        return m.Success
            ? m.Groups["major"].Value + "." + m.Groups["minor"].Value
            : throw new BenchError($"cannot read a Julia version from '{juliaVersion}'");
    }

    /// <summary>The chart's file name for a release, so that each section keeps its own chart.</summary>
    public static string ChartFile(string release) => $"benchmarks-chart-julia-{release}.svg";

    /// <summary>
    /// The page after a run: <paramref name="existing"/> (null or empty: no page yet) with the
    /// section of <paramref name="release"/> replaced by <paramref name="report"/> (a whole report
    /// as <see cref="MarkdownReport.Render"/> writes it: its title goes, its headings move one
    /// level down under a heading naming <paramref name="juliaVersion"/>). Sections are ordered by release.
    /// A page written before sections existed becomes the section of the Julia its machine table names.
    /// </summary>
    public static string Merge(string? existing, string release, string juliaVersion, string report)
    {
        var sections = Sections(existing ?? "");
        sections[release] = Body(juliaVersion, report);
        var page = new StringBuilder();
        page.Append(Title).Append("\n\n").Append(Intro).Append('\n');
        foreach (var (key, body) in sections.OrderBy(s => System.Version.Parse(s.Key)))
        {
            page.Append('\n').Append(Open(key)).Append(body).Append(Close(key));
        }

        return page.ToString();
    }

    private static SortedDictionary<string, string> Sections(string page)
    {
        var sections = new SortedDictionary<string, string>(StringComparer.Ordinal);
        page = page.ReplaceLineEndings("\n");
        var found = Section().Matches(page);
        foreach (Match m in found)
        {
            sections[m.Groups["release"].Value] = m.Groups["body"].Value;
        }

        if (found.Count == 0 && LegacyJuliaRow().Match(page) is { Success: true } legacy)
        {
            sections[legacy.Groups["release"].Value] = Body(legacy.Groups["version"].Value, page);
        }

        return sections;
    }

    private static string Body(string juliaVersion, string report)
    {
        var lines = report.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').ToList();
        if (lines.Count > 0 && lines[0] == Title)
        {
            lines.RemoveAt(0);
        }

        var inCode = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            else if (!inCode)
            {
                lines[i] = Heading().Replace(lines[i], "#$1 ");
            }
        }

        var demoted = string.Join('\n', lines).Trim('\n');
        return $"## Julia {juliaVersion.Replace("julia version ", "", StringComparison.Ordinal).Trim()}\n\n{demoted}\n";
    }

    private static string Open(string release) => $"<!-- bench julia-{release} -->\n";

    private static string Close(string release) => $"<!-- /bench julia-{release} -->\n";
}
