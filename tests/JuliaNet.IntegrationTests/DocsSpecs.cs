namespace JuliaNet.IntegrationTests;

/// <summary>
/// The documentation holds together: a README a newcomer can read, linking every reference page
/// of <c>docs/</c>; no link in the README or the pages that leads nowhere; and nothing that points
/// outside the repository users have.
/// </summary>
public sealed class DocsSpecs
{
    private const int ReadmeMaxLines = 260;

    [Fact]
    public void Readme_AsWritten_IsAtMost260Lines()
    {
        var lines = File.ReadAllLines(Documentation.Readme).Length;

        Assert.True(lines <= ReadmeMaxLines, $"README.md has {lines} lines, more than {ReadmeMaxLines}: move reference to docs/");
    }

    [Fact]
    public void Readme_Links_EveryDocsPage()
    {
        var linked = Documentation.RelativeLinks(Documentation.Readme)
            .Select(link => link.Split('#')[0])
            .ToHashSet(StringComparer.Ordinal);

        var pages = Documentation.Pages();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Contains("docs/" + Path.GetFileName(page), linked));
    }

    [Fact]
    public void RelativeLinks_InReadmeAndDocs_PointToExistingFilesAndHeadings()
    {
        var broken = (
            from page in Documentation.All()
            from link in Documentation.RelativeLinks(page)
            let problem = Problem(page, link)
            where problem is not null
            select $"{Path.GetRelativePath(Tools.RepoRoot(), page)}: ({link}) {problem}").ToArray();

        Assert.True(broken.Length == 0, "links that lead nowhere:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Pages_NeverMention_AFolderOutsideTheRepository()
    {
        Assert.All(Documentation.All(), page =>
            Assert.DoesNotContain("../shared", File.ReadAllText(page), StringComparison.Ordinal));
    }

    [Fact]
    public void RelativeLinks_OfAPageWithABrokenLink_AreFoundAndReportedBroken()
    {
        // The link checker itself, on a page written for it: a link to a missing file and one to a
        // missing heading are problems; a link to an existing file and heading, an https link and
        // a link inside code are not.
        var dir = Directory.CreateTempSubdirectory("julia-net-docs-");
        try
        {
            var page = Path.Combine(dir.FullName, "page.md");
            File.WriteAllText(page, """
                # Page
                ## A heading
                [here](#a-heading) [gone](missing.md) [no such heading](page.md#nowhere) [web](https://example.org/x.md)
                `[code](code.md)`
                ```
                [block](block.md)
                ```
                """);

            var links = Documentation.RelativeLinks(page).ToArray();

            Assert.Equal(["#a-heading", "missing.md", "page.md#nowhere"], links);
            Assert.Equal([null, "no such file", "no such heading"], links.Select(link => Problem(page, link)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>What is wrong with a relative link of a page, or null when it leads to an existing file (and heading).</summary>
    private static string? Problem(string page, string link)
    {
        var parts = link.Split('#', 2);
        var target = parts[0].Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(parts[0])));
        if (!File.Exists(target) && !Directory.Exists(target))
        {
            return "no such file";
        }

        return parts.Length == 2 && target.EndsWith(".md", StringComparison.Ordinal) && !Documentation.Anchors(target).Contains(parts[1])
            ? "no such heading"
            : null;
    }
}
