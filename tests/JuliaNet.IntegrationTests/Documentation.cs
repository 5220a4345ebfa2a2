using System.Text.RegularExpressions;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// The repository's documentation as the tests read it: the README (the overview, with the
/// install commands the tests run) and the pages of <c>docs/</c> (the reference), with the
/// relative links each holds.
/// </summary>
public static partial class Documentation
{
    public static string Readme => Path.Combine(Tools.RepoRoot(), "README.md");

    public static string Folder => Path.Combine(Tools.RepoRoot(), "docs");

    /// <summary>One page of <c>docs/</c>, by file name (<c>guarantees.md</c>).</summary>
    public static string Page(string name) => Path.Combine(Folder, name);

    /// <summary>Every page of <c>docs/</c>, by full path, in name order.</summary>
    public static string[] Pages() => Directory.GetFiles(Folder, "*.md").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The README and every page of <c>docs/</c>.</summary>
    public static string[] All() => [Readme, .. Pages()];

    /// <summary>
    /// The targets of the Markdown links <c>[text](target)</c> of a page that are relative
    /// (no scheme such as <c>https:</c>), outside fenced code blocks and inline code spans.
    /// </summary>
    public static IEnumerable<string> RelativeLinks(string page)
    {
        var prose = InlineCode().Replace(FencedCode().Replace(File.ReadAllText(page), ""), "");
        return LinkTarget().Matches(prose)
            .Select(m => m.Groups[1].Value)
            .Where(target => !Scheme().IsMatch(target));
    }

    /// <summary>The anchors of a page's headings, as GitHub makes them (lower case, punctuation dropped, spaces as dashes).</summary>
    public static HashSet<string> Anchors(string page) =>
        FencedCode().Replace(File.ReadAllText(page), "").Split('\n')
            .Where(line => Heading().IsMatch(line))
            .Select(line => AnchorPunctuation().Replace(line.TrimStart('#').Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`+[^`\n]*`+")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^#{1,6} ")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N}\- _]")]
    private static partial Regex AnchorPunctuation();
}
