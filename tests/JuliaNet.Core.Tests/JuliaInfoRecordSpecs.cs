using JuliaNet.Julia;

namespace JuliaNet.Core.Tests;

public sealed class JuliaInfoRecordSpecs
{
    private static readonly JuliaInfo Info = new(
        "1.10.4",
        "/opt/julia-1.10.4/lib/julia/sys.so",
        ["/opt/julia-1.10.4/local/share/julia", "/opt/julia-1.10.4/share/julia"],
        "/opt/julia-1.10.4/share/julia/stdlib/v1.10",
        new JuliaLibraries("/opt/julia-1.10.4/lib/libjulia.so.1.10", "/opt/julia-1.10.4/lib/julia/libjulia-internal.so.1.10", "/opt/julia-1.10.4/lib/julia"));

    private static readonly JuliaInfoRecord Record = new("/opt/julia-1.10.4/bin/julia", 18496, 638712345678901234, Info);

    [Fact]
    public void Parse_OfFormattedRecord_GivesTheSameIdentityAndFacts()
    {
        var again = JuliaInfoRecord.Parse(Record.Format());

        Assert.NotNull(again);
        Assert.True(again.Describes(Record.RealPath, Record.Size, Record.ModifiedTicks));
        Assert.Equal(Info.Version, again.Info.Version);
        Assert.Equal(Info.DefaultImage, again.Info.DefaultImage);
        Assert.Equal(Info.SystemDepots, again.Info.SystemDepots);
        Assert.Equal(Info.Stdlib, again.Info.Stdlib);
        Assert.Equal(Info.Libraries, again.Info.Libraries);
    }

    [Fact]
    public void Format_StartsWithFormatAndIdentity_ThenTheProbeFacts()
    {
        var lines = Record.Format().Split('\n');

        Assert.Equal(
            [$"format={JuliaInfoRecord.ProbeFormat}", "julia=/opt/julia-1.10.4/bin/julia", "size=18496", "modified=638712345678901234", "version=1.10.4"],
            lines[..5]);
    }

    [Theory]
    [InlineData("/opt/julia-1.10.4/bin/julia", 18497, 638712345678901234L)]
    [InlineData("/opt/julia-1.10.4/bin/julia", 18496, 638712345678901235L)]
    [InlineData("/opt/julia-1.11.0/bin/julia", 18496, 638712345678901234L)]
    public void Describes_ChangedBinary_IsFalse(string realPath, long size, long modified)
    {
        Assert.False(Record.Describes(realPath, size, modified));
    }

    [Theory]
    [InlineData("format=1\n")]
    [InlineData("format=\n")]
    [InlineData("")]
    [InlineData("{\"realPath\": \"/usr/bin/julia\"}")]
    public void Parse_OtherFormat_GivesNull(string header)
    {
        // Older records (JSON, or another probe format) are probed again.
        var text = Record.Format();
        text = header + text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];

        Assert.Null(JuliaInfoRecord.Parse(text));
    }

    [Theory]
    [InlineData("julia=")]
    [InlineData("size=")]
    [InlineData("modified=")]
    [InlineData("version=")]
    [InlineData("image=")]
    public void Parse_MissingLine_GivesNull(string prefix)
    {
        var text = string.Join('\n', Record.Format().Split('\n').Where(line => !line.StartsWith(prefix, StringComparison.Ordinal)));

        Assert.Null(JuliaInfoRecord.Parse(text));
    }

    [Theory]
    [InlineData("size=-1")]
    [InlineData("size=12a")]
    [InlineData("modified=")]
    public void Parse_BadNumber_GivesNull(string line)
    {
        var key = line[..line.IndexOf('=', StringComparison.Ordinal)];
        var text = string.Join('\n', Record.Format().Split('\n').Select(l => l.StartsWith(key + "=", StringComparison.Ordinal) ? line : l));

        Assert.Null(JuliaInfoRecord.Parse(text));
    }
}
