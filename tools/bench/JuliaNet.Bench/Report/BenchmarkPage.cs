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
    private static partial Regex HeadingMark();

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
        return Page(sections);
    }

    /// <summary>
    /// The page after a --cluster-only run: in the section of <paramref name="release"/>, the
    /// cluster part (between <see cref="ClusterSection.Open"/> and <see cref="ClusterSection.Close"/>)
    /// replaced by <paramref name="block"/> (as <see cref="ClusterSection.Render"/> writes it, its
    /// headings moved one level down like a whole report's), or added at the section's end when it
    /// has none; the rest of the page is kept. With no section for the release, one is started
    /// holding the block alone.
    /// </summary>
    public static string MergeCluster(string? existing, string release, string juliaVersion, string block)
    {
        var sections = Sections(existing ?? "");
        var demoted = Demote(block) + "\n";
        if (!sections.TryGetValue(release, out var body))
        {
            sections[release] = $"{Heading(juliaVersion)}\n\n{demoted}";
            return Page(sections);
        }

        var open = body.IndexOf(ClusterSection.Open + "\n", StringComparison.Ordinal);
        var close = body.IndexOf(ClusterSection.Close + "\n", StringComparison.Ordinal);
        sections[release] = open >= 0 && close > open
            ? string.Concat(body.AsSpan(0, open), demoted, body.AsSpan(close + ClusterSection.Close.Length + 1))
            : body.TrimEnd('\n') + "\n\n" + demoted;
        return Page(sections);
    }

    private static string Page(SortedDictionary<string, string> sections)
    {
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

        return $"{Heading(juliaVersion)}\n\n{Demote(string.Join('\n', lines))}\n";
    }

    private static string Heading(string juliaVersion) =>
        $"## Julia {juliaVersion.Replace("julia version ", "", StringComparison.Ordinal).Trim()}";

    /// <summary>Markdown with every heading outside code blocks one level down, without leading and trailing blank lines.</summary>
    private static string Demote(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var inCode = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            else if (!inCode)
            {
                lines[i] = HeadingMark().Replace(lines[i], "#$1 ");
            }
        }

        return string.Join('\n', lines).Trim('\n');
    }

    private static string Open(string release) => $"<!-- bench julia-{release} -->\n";

    private static string Close(string release) => $"<!-- /bench julia-{release} -->\n";
}
