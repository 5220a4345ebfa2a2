using System.Globalization;
using System.Text.RegularExpressions;
using JuliaNet.Core.Tests.Support;
using JuliaNet.Errors;

namespace JuliaNet.Core.Tests;

public sealed class UserErrorSpecs
{
    [Theory]
    [InlineData("plain message", "plain message")]
    [InlineData("system image not found: /a\nb.so", "system image not found: /a\\nb.so")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("a\rb", "a\\rb")]
    [InlineData("\n\n", "\\n\\n")]
    [InlineData("tab\tand ü stay", "tab\tand ü stay")]
    [InlineData("", "")]
    public void OneLine_Message_EscapesNewlines(string message, string expected)
    {
        var error = new UserError(ExitCode.Usage, message);

        Assert.Equal(expected, error.OneLine);
        Assert.DoesNotContain('\n', error.OneLine);
        Assert.DoesNotContain('\r', error.OneLine);
        Assert.Equal(message, error.Message);
    }

    /// <summary>Every member of <see cref="ExitCode"/>, by name.</summary>
    public static TheoryData<ExitCode> AllExitCodes => new(Enum.GetValues<ExitCode>());

    [Fact]
    public void ExitCode_ToolCodes_AreDistinctAndOutsideJuliasUsualRange()
    {
        var codes = Enum.GetValues<ExitCode>().Where(c => c != ExitCode.Success).Select(c => (c.ToString(), (int)c)).ToArray();

        Assert.Contains((nameof(ExitCode.ConfigInvalid), 78), codes); // the two a hand-written list had missed
        Assert.Contains((nameof(ExitCode.WrapperConflict), 79), codes);
        Assert.Equal(codes.Length, codes.Select(c => c.Item2).Distinct().Count());
        Assert.All(codes, c => Assert.InRange(c.Item2, 64, 130));
    }

    /// <summary>Users' scripts branch on these numbers: a member keeps its number, a new meaning gets a new one.</summary>
    [Fact]
    public void ExitCode_Numbers_AreTheOnesScriptsBranchOn()
    {
        var numbers = Enum.GetValues<ExitCode>().Select(c => $"{(int)c} {c}");

        Assert.Equal(
            [
                "0 Success", "64 Usage", "65 ImageNotFound", "66 ImageUnusable", "67 JuliaNotFound", "68 JuliaNotUsable",
                "69 JuliaVersionMismatch", "70 CacheDirectory", "71 ExecFailed", "72 OutputInvalid", "73 InputMissing",
                "74 ProjectInvalid", "75 NoCompiler", "76 LauncherNotFound", "77 BuildFailed", "78 ConfigInvalid",
                "79 WrapperConflict", "80 ImageStale", "81 StatementsFailed", "82 JuliaupConfigInvalid", "83 NotEnoughMemory",
                "84 ImageMetadataInvalid", "85 ImageDamaged", "99 Internal", "130 Interrupted",
            ],
            numbers);
    }

    [Theory]
    [MemberData(nameof(AllExitCodes))]
    public void ExitCode_EachCode_IsARowOfTheDocumentedExitCodeTables(ExitCode code)
    {
        Assert.True(DocumentedExitCodes().Contains((int)code), $"ExitCode.{code} ({(int)code}) has no row \"| {(int)code} | ... |\" in docs/guarantees.md");
    }

    [Fact]
    public void ExitCode_EveryDocumentedCode_IsAnExitCodeMember()
    {
        var members = Enum.GetValues<ExitCode>().Select(c => (int)c).ToHashSet();

        Assert.All(DocumentedExitCodes(), code => Assert.Contains(code, members));
    }

    /// <summary>The codes of the rows <c>| N | meaning |</c> of docs/guarantees.md's exit-code tables (julia-net's and julia-sysimage's).</summary>
    private static HashSet<int> DocumentedExitCodes() =>
        Regex.Matches(Repository.ReadText("docs/guarantees.md"), @"^\| (\d+) \|", RegexOptions.Multiline)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToHashSet();
}
