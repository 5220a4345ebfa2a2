using System.Globalization;
using System.Text;

namespace JuliaNet.Julia;

/// <summary>
/// The cached <see cref="JuliaInfo"/> of one Julia binary, with the identity (resolved
/// path, size, modification time) that says whether it still describes that binary. Stored
/// as text: its own <c>key=value</c> lines, then the facts as probe.jl prints them (no JSON:
/// julia-net reads this on every launch).
/// </summary>
public sealed record JuliaInfoRecord(string RealPath, long Size, long ModifiedTicks, JuliaInfo Info)
{
    /// <summary>Changes when probe.jl reports something new, so that older records are probed again (3: values escaped, <see cref="Serialization.KeyValueText"/>).</summary>
    public const int ProbeFormat = 3;

    public bool Describes(string realPath, long size, long modifiedTicks) =>
        RealPath == realPath && Size == size && ModifiedTicks == modifiedTicks;

    public string Format()
    {
        var text = new StringBuilder();
        Serialization.KeyValueText.Append(text, "format", ProbeFormat.ToString(CultureInfo.InvariantCulture));
        Serialization.KeyValueText.Append(text, "julia", RealPath);
        Serialization.KeyValueText.Append(text, "size", Size.ToString(CultureInfo.InvariantCulture));
        Serialization.KeyValueText.Append(text, "modified", ModifiedTicks.ToString(CultureInfo.InvariantCulture));
        return text.Append(JuliaProbeOutput.Format(Info)).ToString();
    }

    /// <summary>The record, or null when the text is not a complete record of the current format.</summary>
    public static JuliaInfoRecord? Parse(string text)
    {
        var facts = Serialization.KeyValueText.Parse(text);
        string? One(string key) => facts.FirstOrDefault(kv => kv.Key == key).Value;
        long? Number(string key) => long.TryParse(One(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

        if (Number("format") != ProbeFormat || One("julia") is not { } realPath || Number("size") is not { } size
            || Number("modified") is not { } modified || JuliaProbeOutput.Parse(facts) is not { } info)
        {
            return null;
        }

        return new JuliaInfoRecord(realPath, size, modified, info);
    }
}
