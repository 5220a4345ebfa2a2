using System.Text.Json.Serialization;
using JuliaNet.Images;
using JuliaNet.Julia;

namespace JuliaNet.Serialization;

/// <summary>Source-generated JSON for every file the tools read or write (Native AOT safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ImageMetadata))]
[JsonSerializable(typeof(JuliaInfoRecord))]
public sealed partial class JuliaNetJson : JsonSerializerContext;
