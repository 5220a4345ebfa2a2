using System.Globalization;
using System.Reflection;
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
        var error = new UserError(ExitCodes.Usage, message);

        Assert.Equal(expected, error.OneLine);
        Assert.DoesNotContain('\n', error.OneLine);
        Assert.DoesNotContain('\r', error.OneLine);
        Assert.Equal(message, error.Message);
    }

    /// <summary>Every <c>public const int</c> of <see cref="ExitCodes"/>, by name.</summary>
    public static TheoryData<string, int> AllExitCodes
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var (name, code) in Constants())
            {
                data.Add(name, code);
            }

            return data;
        }
    }

    [Fact]
    public void ExitCodes_ToolCodes_AreDistinctAndOutsideJuliasUsualRange()
    {
        var codes = Constants().Where(c => c.Name != nameof(ExitCodes.Success)).ToArray();

        Assert.Contains((nameof(ExitCodes.ConfigInvalid), 78), codes); // the two a hand-written list had missed
        Assert.Contains((nameof(ExitCodes.WrapperConflict), 79), codes);
        Assert.Equal(codes.Length, codes.Select(c => c.Code).Distinct().Count());
        Assert.All(codes, c => Assert.InRange(c.Code, 64, 130));
    }

    [Theory]
    [MemberData(nameof(AllExitCodes))]
    public void ExitCodes_EachCode_IsARowOfTheDocumentedExitCodeTables(string name, int code)
    {
        Assert.True(DocumentedExitCodes().Contains(code), $"ExitCodes.{name} ({code}) has no row \"| {code} | ... |\" in docs/guarantees.md");
    }

    [Fact]
    public void ExitCodes_EveryDocumentedCode_IsAnExitCodesConstant()
    {
        var constants = Constants().Select(c => c.Code).ToHashSet();

        Assert.All(DocumentedExitCodes(), code => Assert.Contains(code, constants));
    }

    private static (string Name, int Code)[] Constants() =>
        typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => (f.Name, (int)f.GetRawConstantValue()!))
            .ToArray();

    /// <summary>The codes of the rows <c>| N | meaning |</c> of docs/guarantees.md's exit-code tables (julia-net's and julia-sysimage's).</summary>
    private static HashSet<int> DocumentedExitCodes() =>
        Regex.Matches(Repository.ReadText("docs/guarantees.md"), @"^\| (\d+) \|", RegexOptions.Multiline)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToHashSet();
}
