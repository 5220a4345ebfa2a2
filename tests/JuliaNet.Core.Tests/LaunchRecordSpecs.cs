using JuliaNet.Images;
using JuliaNet.Paths;

namespace JuliaNet.Core.Tests;

public class LaunchRecordSpecs
{
    private static readonly FileStamp Metadata = new(87_242, 1_796_402_621_360_253_389, false);

    private static readonly ImageFacts Facts = new(
        "/opt/julia 1.10/bin/julia",
        "1.10.8",
        ["/tools/julia-sysimage", "--project", "/work/prøject \"quoted\" $HOME\nline", ""],
        [
            new WatchedPath("/work/prøject/src/Ünïcode.jl", 1_796_402_621_359_054_480, 125),
            new WatchedPath("/work/prøject/src", 1_796_402_621_000_000_000),
            new WatchedPath("/work/empty.jl", 0, 0),
        ]);

    [Fact]
    public void Format_ThenRead_GivesTheSameFacts()
    {
        var read = LaunchRecord.Read(LaunchRecord.Format(Facts, Metadata), Metadata);

        Assert.NotNull(read);
        Assert.Equal((Facts.Julia, Facts.Version), (read.Julia, read.Version));
        Assert.Equal(Facts.Rebuild, read.Rebuild);
        Assert.Equal(Facts.Watch, read.Watch);
        Assert.True(read.Watch[1].IsDirectory);
    }

    [Fact]
    public void Format_ThenRead_KeepsAbsentJuliaAndEmptyLists()
    {
        var facts = new ImageFacts(null, null, [], []);

        var read = LaunchRecord.Read(LaunchRecord.Format(facts, Metadata), Metadata);

        Assert.NotNull(read);
        Assert.Equal((null, null, 0, 0), (read.Julia, read.Version, read.Rebuild.Count, read.Watch.Count));
    }

    [Theory]
    [InlineData(87_243, 1_796_402_621_360_253_389)]
    [InlineData(87_242, 1_796_402_621_360_253_390)]
    public void Read_WhenTheMetadataFileIsNoLongerTheOneRecorded_IsNull(long size, long modified)
    {
        var record = LaunchRecord.Format(Facts, Metadata);

        Assert.Null(LaunchRecord.Read(record, new FileStamp(size, modified, false)));
    }

    [Fact]
    public void Read_TruncatedAnywhere_IsNull()
    {
        var record = LaunchRecord.Format(Facts, Metadata);

        for (var length = 0; length < record.Length; length++)
        {
            Assert.Null(LaunchRecord.Read(record.AsSpan(0, length), Metadata));
        }
    }

    [Fact]
    public void Read_WithBytesAfterTheEnd_IsNull()
    {
        byte[] record = [.. LaunchRecord.Format(Facts, Metadata), 0];

        Assert.Null(LaunchRecord.Read(record, Metadata));
    }

    [Theory]
    [InlineData(0)] // the magic
    [InlineData(8)] // the format version
    public void Read_OfAnotherFormat_IsNull(int offset)
    {
        var record = LaunchRecord.Format(Facts, Metadata);
        record[offset] ^= 0x40;

        Assert.Null(LaunchRecord.Read(record, Metadata));
    }

    [Fact]
    public void Read_WithACountLargerThanTheFile_IsNullWithoutAllocatingIt()
    {
        var record = LaunchRecord.Format(new ImageFacts("/j", "1.10.8", [], []), Metadata);
        // The last 4 bytes are the watch count (0): claim two billion entries.
        BitConverter.GetBytes(int.MaxValue).CopyTo(record, record.Length - 4);

        Assert.Null(LaunchRecord.Read(record, Metadata));
    }
}
