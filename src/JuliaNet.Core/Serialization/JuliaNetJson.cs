using System.Text.Json.Serialization;
using JuliaNet.Images;

namespace JuliaNet.Serialization;

/// <summary>Source-generated JSON for the image metadata and background rebuild records (Native AOT safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ImageMetadata))]
[JsonSerializable(typeof(RebuildRecord))]
public sealed partial class JuliaNetJson : JsonSerializerContext;
