using System.Text.Json;
using JuliaNet.Errors;
using JuliaNet.Serialization;

namespace JuliaNet.Images;

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
            throw new UserError(ExitCodes.ImageMismatch, $"image metadata is not valid JSON: {path} ({e.Message.Split('\n')[0]})");
        }
    }

    public static string Serialize(ImageMetadata metadata) =>
        JsonSerializer.Serialize(metadata, JuliaNetJson.Default.ImageMetadata);
}
