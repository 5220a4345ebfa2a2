using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace JuliaNet.Building;

/// <summary>
/// Tomlyn's untyped model (<see cref="TomlTable"/>) through generated metadata: no reflection,
/// so it works under Native AOT and trimming (Tomlyn's reflection-based
/// <c>TomlSerializer.Deserialize&lt;T&gt;(string)</c> is marked RequiresUnreferencedCode and
/// disabled when publishing with PublishAot).
/// </summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class TomlModelContext : TomlSerializerContext
{
    /// <summary>A context whose options record where each key was read (see <see cref="TomlMetadataStore"/>).</summary>
    public TomlModelContext(TomlSerializerOptions options)
        : base(options)
    {
    }
}
