using JuliaNet.Serialization;

namespace JuliaNet.Core.Tests;

public class KeyValueTextSpecs
{
    [Theory]
    [InlineData("/plain/path")]
    [InlineData("/a path/with spaces and = signs")]
    [InlineData("/new\nline/and\rreturn")]
    [InlineData("back\\slash\\n (not a newline)")]
    [InlineData("")]
    [InlineData("日本 ü")]
    public void AnyValue_WrittenThenParsed_IsTheSame(string value)
    {
        var text = KeyValueText.Append(KeyValueText.Append(new System.Text.StringBuilder(), "key", value), "other", "x").ToString();

        Assert.Equal([new("key", value), new("other", "x")], KeyValueText.Parse(text));
        Assert.Equal(3, text.Split('\n').Length);
    }

    [Fact]
    public void Parse_RepeatedKeys_KeepsEveryValueInOrder()
    {
        var pairs = KeyValueText.Parse("depot=/a\ndepot=/b\nversion=1.5.3\n");

        Assert.Equal(["/a", "/b"], pairs.Where(p => p.Key == "depot").Select(p => p.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no equals sign")]
    [InlineData("=value without a key")]
    [InlineData("# comment=with equals")]
    [InlineData("   ")]
    public void Parse_LinesWithoutAKey_AreSkipped(string line)
    {
        Assert.Empty(KeyValueText.Parse(line + "\n"));
    }

    [Fact]
    public void Parse_KeyIsTrimmedAndACarriageReturnAtTheEndDropped()
    {
        Assert.Equal([new("key", " value ")], KeyValueText.Parse(" key = value \r\n"));
    }

    [Theory]
    [InlineData(@"C:\temp\x", @"C:\temp\x")]
    [InlineData(@"a\", @"a\")]
    [InlineData(@"a\\b", @"a\b")]
    [InlineData(@"a\nb", "a\nb")]
    public void Unescape_ABackslashBeforeAnyOtherCharacter_IsKept(string escaped, string value)
    {
        Assert.Equal(value, KeyValueText.Unescape(escaped));
    }
}
