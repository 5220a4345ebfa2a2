using System.Text.Json;
using System.Text.Json.Serialization;
using JuliaNet.Images;

namespace JuliaNet.Core.Tests;

/// <summary>
/// The background rebuild record's JSON, written and read by hand: the same text the
/// source-generated serializer wrote before (records on disk stay readable both ways), and
/// every bad record a one-line error.
/// </summary>
public sealed class RebuildRecordJsonSpecs
{
    /// <summary>A failed record as System.Text.Json's serializer (indented, camelCase, default escaping) writes it.</summary>
    private const string SerializerText = """
        {
          "state": "failed",
          "fingerprint": "abc",
          "pid": 42,
          "startedAt": "2026-12-04T19:00:00+00:00",
          "finishedAt": null,
          "exitCode": 67,
          "message": "julia not found: \u0022/opt/j\u00E9/bin/julia\u0022",
          "log": "/i/.sys.so.rebuild.log",
          "command": [
            "/t/julia-sysimage",
            "/i/sys.so"
          ]
        }
        """;

    private static readonly RebuildRecord Failed = new()
    {
        State = RebuildState.Failed, Fingerprint = "abc", Pid = 42, ExitCode = 67, Message = "julia not found: \"/opt/jé/bin/julia\"",
        StartedAt = new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero), Log = "/i/.sys.so.rebuild.log", Command = ["/t/julia-sysimage", "/i/sys.so"],
    };

    private static RebuildRecord? Parse(string json, out string? unreadable) => RebuildRecord.Parse(System.Text.Encoding.UTF8.GetBytes(json), "/i/.sys.so.rebuild.json", out unreadable);

    private static RebuildRecord Parse(string json) => Parse(json, out var unreadable) ?? throw new InvalidOperationException(unreadable);

    [Fact]
    public void Serialize_IsTheTextTheSerializerWrote()
    {
        Assert.Equal(SerializerText.ReplaceLineEndings("\n") + "\n", RebuildRecord.Serialize(Failed));
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Serialize_AnyRecord_IsWhatTheSourceGeneratedSerializerWrites(RebuildRecord record)
    {
        var serializer = JsonSerializer.Serialize(record, SerializerOfBefore.Default.RebuildRecord);

        Assert.Equal(serializer.ReplaceLineEndings("\n") + "\n", RebuildRecord.Serialize(record));
        Assert.Equal(record with { Command = [] }, Parse(serializer) with { Command = [] });
        Assert.Equal(record.Command, Parse(serializer).Command);
    }

    public static TheoryData<RebuildRecord> Records() =>
    [
        Failed,
        new RebuildRecord(),
        new RebuildRecord { Pid = 1, StartedAt = new DateTimeOffset(2026, 12, 5, 1, 2, 3, 456, TimeSpan.FromHours(-5)), Fingerprint = "0123456789abcdef", Command = ["a b", "$x", "tab\there", "line\nbreak", "back\\slash", "日本"] },
        new RebuildRecord { State = RebuildState.Failed, FinishedAt = DateTimeOffset.UnixEpoch, ExitCode = -1, Message = "", Log = "<log & 'quote'>" },
    ];

    [Fact]
    public void Parse_TheSerializersText_GivesEveryField()
    {
        var read = Parse(SerializerText);

        Assert.Equal(Failed with { Command = read.Command }, read);
        Assert.Equal(Failed.Command, read.Command);
    }

    [Fact]
    public void Parse_RunningRecordWithOnlySomeFields_TakesTheDefaultsForTheRest()
    {
        var read = Parse("""{"state":"running","pid":7,"unknown":{"nested":[1,2]}}""");

        Assert.Equal(new RebuildRecord { State = RebuildState.Running, Pid = 7 }, read with { Command = [] });
        Assert.Empty(read.Command);
    }

    [Theory]
    [InlineData("""{"state":"done"}""", "not a rebuild record")]
    [InlineData("""{"state":null}""", "not a rebuild record")]
    [InlineData("""{"state":"failed","pid":"x"}""", "")]
    [InlineData("""{"state":"failed","command":"julia-sysimage"}""", "command must be an array")]
    [InlineData("""{"state":"failed","command":[null]}""", "a command argument is null")]
    [InlineData("""{"state":"failed","startedAt":"yesterday"}""", "")]
    [InlineData("""{"state":"failed"} {}""", "")]
    [InlineData("[]", "not a JSON object")]
    public void Parse_BadRecord_IsNoRecordAndOneLineNamingTheFile(string json, string why)
    {
        var record = Parse(json, out var unreadable);

        Assert.Null(record);
        Assert.NotNull(unreadable);
        Assert.StartsWith("the background rebuild record /i/.sys.so.rebuild.json is unreadable (", unreadable, StringComparison.Ordinal);
        Assert.Contains(why, unreadable, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', unreadable);
    }
}

/// <summary>The source-generated serializer julia-net used for the record before (same options), kept here to pin the format.</summary>
/// The state, a string then, is an enum now, written by its one name.
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(RebuildStateByName)])]
[JsonSerializable(typeof(RebuildRecord))]
internal sealed partial class SerializerOfBefore : JsonSerializerContext;

/// <summary>A <see cref="RebuildState"/> as the string the record held before it was an enum.</summary>
internal sealed class RebuildStateByName : JsonConverter<RebuildState>
{
    public override RebuildState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RebuildStates.Parse(reader.GetString()) ?? throw new JsonException("not a rebuild state");

    public override void Write(Utf8JsonWriter writer, RebuildState value, JsonSerializerOptions options) => writer.WriteStringValue(RebuildStates.Name(value));
}
