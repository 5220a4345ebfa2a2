using System.Text;
using System.Text.Json;
using JuliaNet.Errors;
using JuliaNet.Serialization;

namespace JuliaNet.Images;

/// <summary>What julia-net needs of an image's metadata: the Julia that built it.</summary>
/// <param name="Path">The Julia executable recorded in the metadata, if any.</param>
/// <param name="Version">That Julia's version, if recorded.</param>
public sealed record ImageJulia(string? Path, string? Version);

public static class ImageMetadataReader
{
    /// <summary>Parses an image's metadata file; a file that does not parse is an error, not a guess.</summary>
    public static ImageMetadata Parse(string json, string path)
    {
        try
        {
            return JsonSerializer.Deserialize(json, JuliaNetJson.Default.ImageMetadata)
                ?? throw new UserError(ExitCodes.ImageMismatch, $"image metadata is empty: {path}");
        }
        catch (JsonException e)
        {
            throw NotValid(path, e.Message);
        }
    }

    /// <summary>
    /// Only the Julia that built the image, for julia-net, which reads the metadata on every
    /// launch: a forward-only read costs microseconds where the serializer's first use costs
    /// about a millisecond. The text must still be one valid JSON object, and the fields read
    /// (and <c>formatVersion</c>) of the right type; other fields are skipped.
    /// </summary>
    public static ImageJulia ReadJulia(string json, string path)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotValid(path, "not a JSON object");
            }

            string? julia = null, version = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "julia":
                        julia = reader.GetString();
                        break;
                    case "juliaVersion":
                        version = reader.GetString();
                        break;
                    case "formatVersion":
                        reader.GetInt32();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw NotValid(path, "not one JSON object");
            }

            return new ImageJulia(julia, version);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw NotValid(path, e.Message);
        }
    }

    public static string Serialize(ImageMetadata metadata) =>
        JsonSerializer.Serialize(metadata, JuliaNetJson.Default.ImageMetadata);

    private static UserError NotValid(string path, string reason) =>
        new(ExitCodes.ImageMismatch, $"image metadata is not valid JSON: {path} ({reason.Split('\n')[0]})");
}
