using System.Text.Json;
using JuliaNet.Errors;
using JuliaNet.Serialization;

namespace JuliaNet.Images;

/// <summary>What julia-net needs of an image's metadata at launch.</summary>
/// <param name="Julia">The Julia executable recorded in the metadata, if any.</param>
/// <param name="Version">That Julia's version, if recorded.</param>
/// <param name="Rebuild">The command that built the image, if recorded.</param>
/// <param name="Watch">The inputs to check for changes (none in metadata older than the stale check).</param>
public sealed record ImageFacts(string? Julia, string? Version, IReadOnlyList<string> Rebuild, IReadOnlyList<WatchedPath> Watch);

public static class ImageMetadataReader
{
    /// <summary>Parses an image's metadata file; a file that does not parse is an error, not a guess.</summary>
    public static ImageMetadata Parse(string json, string path)
    {
        try
        {
            return JsonSerializer.Deserialize(json, JuliaNetJson.Default.ImageMetadata)
                ?? throw new UserError(ExitCode.ImageMetadataInvalid, $"image metadata is empty: {path}");
        }
        catch (JsonException e)
        {
            throw NotValid(path, e.Message);
        }
    }

    /// <summary>
    /// What julia-net reads on every launch: the Julia that built the image, the rebuild command
    /// and the watched inputs. A forward-only read costs microseconds where the serializer's
    /// first use costs about a millisecond. The text must still be one valid JSON object, and
    /// the fields read (and <c>formatVersion</c>) of the right type; other fields are skipped.
    /// </summary>
    public static ImageFacts ReadForLaunch(ReadOnlySpan<byte> json, string path)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            string? julia = null, version = null;
            List<string> rebuild = [];
            List<WatchedPath> watch = [];
            JsonObjects.ReadDocument(ref reader, reason => NotValid(path, reason), (string name, ref Utf8JsonReader r) =>
            {
                switch (name)
                {
                    case "julia":
                        julia = r.GetString();
                        break;
                    case "juliaVersion":
                        version = r.GetString();
                        break;
                    case "formatVersion":
                        r.GetInt32();
                        break;
                    case "rebuild":
                        JsonObjects.ReadArray(ref r, () => NotValid(path, "an array was expected"), (ref Utf8JsonReader a) => rebuild.Add(a.GetString() ?? throw NotValid(path, "a rebuild argument is null")));
                        break;
                    case "watch":
                        JsonObjects.ReadArray(ref r, () => NotValid(path, "an array was expected"), (ref Utf8JsonReader a) => watch.Add(ReadWatched(ref a, path)));
                        break;
                    default:
                        r.Skip();
                        break;
                }
            });

            return new ImageFacts(julia, version, rebuild, watch);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw NotValid(path, e.Message);
        }
    }

    public static string Serialize(ImageMetadata metadata) =>
        JsonSerializer.Serialize(metadata, JuliaNetJson.Default.ImageMetadata);

    private static WatchedPath ReadWatched(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw NotValid(path, "a watched input must be an object");
        }

        // Several hundred of these on every launch: property names are compared, not allocated.
        string? file = null;
        long? modified = null, size = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("path"u8))
            {
                reader.Read();
                file = reader.GetString();
            }
            else if (reader.ValueTextEquals("modified"u8))
            {
                reader.Read();
                modified = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("size"u8))
            {
                reader.Read();
                size = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return file is not null && modified is { } m ? new WatchedPath(file, m, size) : throw NotValid(path, "a watched input needs a path and a modification time");
    }

    private static UserError NotValid(string path, string reason) =>
        new(ExitCode.ImageMetadataInvalid, $"image metadata is not valid JSON: {path} ({reason.Split('\n')[0]})");
}
