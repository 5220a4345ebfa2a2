using System.Text.Json.Serialization;
using JuliaNet.Images;

namespace JuliaNet.Serialization;

/// <summary>
/// Source-generated JSON for the image metadata, which julia-sysimage writes and reads whole
/// (Native AOT safe). julia-net reads the metadata with a forward-only walk
/// (<see cref="ImageMetadataReader.ReadForLaunch"/>) and its rebuild records by hand
/// (<see cref="RebuildRecordJson"/>), so none of this serializer is in its binary.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ImageMetadata))]
public sealed partial class JuliaNetJson : JsonSerializerContext;
