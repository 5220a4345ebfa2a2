using System.Text.Json.Serialization;
using JuliaNet.Images;

namespace JuliaNet.Serialization;

/// <summary>Source-generated JSON for the image metadata files (Native AOT safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ImageMetadata))]
public sealed partial class JuliaNetJson : JsonSerializerContext;
