using System.Text;
using System.Text.Json;
using JuliaNet.Serialization;

namespace JuliaNet.Images;

/// <summary>
/// <see cref="RebuildRecord"/> as JSON, read and written by hand with Utf8JsonReader and
/// Utf8JsonWriter: julia-net writes and reads the record, and the reflection-free source-generated
/// serializer alone would put System.Text.Json's whole serialization machinery into julia-net's
/// binary (about a megabyte of code and start-up data, paid on every launch). The format is the
/// one that serializer wrote: indented, camelCase names, every property present, nulls as null.
/// </summary>
internal static class RebuildRecordJson
{
    public static string Write(RebuildRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("state", RebuildStates.Name(record.State));
            writer.WriteString("fingerprint", record.Fingerprint);
            WriteNumber(writer, "pid", record.Pid);
            WriteTime(writer, "startedAt", record.StartedAt);
            WriteTime(writer, "finishedAt", record.FinishedAt);
            WriteNumber(writer, "exitCode", record.ExitCode);
            writer.WriteString("message", record.Message);
            writer.WriteString("log", record.Log);
            writer.WriteStartArray("command");
            foreach (var arg in record.Command)
            {
                writer.WriteStringValue(arg);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The record in <paramref name="json"/>; <paramref name="invalid"/> makes the error for anything else.</summary>
    public static RebuildRecord Read(ReadOnlySpan<byte> json, Func<string, Exception> invalid)
    {
        var reader = new Utf8JsonReader(json);
        var record = new RebuildRecord();
        JsonObjects.ReadDocument(ref reader, invalid, (string name, ref Utf8JsonReader r) =>
        {
            record = name switch
            {
                "state" => record with { State = RebuildStates.Parse(r.GetString()) ?? throw invalid("not a rebuild record") },
                "fingerprint" => record with { Fingerprint = r.GetString() ?? throw invalid("fingerprint is null") },
                "pid" => record with { Pid = r.TokenType == JsonTokenType.Null ? null : r.GetInt32() },
                "startedAt" => record with { StartedAt = r.TokenType == JsonTokenType.Null ? null : r.GetDateTimeOffset() },
                "finishedAt" => record with { FinishedAt = r.TokenType == JsonTokenType.Null ? null : r.GetDateTimeOffset() },
                "exitCode" => record with { ExitCode = r.TokenType == JsonTokenType.Null ? null : r.GetInt32() },
                "message" => record with { Message = r.GetString() },
                "log" => record with { Log = r.GetString() },
                "command" => record with { Command = ReadStrings(ref r, invalid) },
                _ => Skip(ref r, record),
            };
        });
        return record;
    }

    private static List<string> ReadStrings(ref Utf8JsonReader reader, Func<string, Exception> invalid)
    {
        List<string> items = [];
        JsonObjects.ReadArray(ref reader, () => invalid("command must be an array"), (ref Utf8JsonReader a) => items.Add(a.GetString() ?? throw invalid("a command argument is null")));
        return items;
    }

    private static RebuildRecord Skip(ref Utf8JsonReader reader, RebuildRecord record)
    {
        reader.Skip();
        return record;
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } n)
        {
            writer.WriteNumber(name, n);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } t)
        {
            writer.WriteString(name, t);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
