using System.Text;
using System.Text.RegularExpressions;

namespace JuliaNet.Julia;

/// <summary>Reads what probe.jl prints: <c>key=value</c> lines, repeated keys as lists.</summary>
public static partial class JuliaProbeOutput
{
    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.\-]+)?(\+[0-9A-Za-z.\-]+)?$")]
    private static partial Regex VersionPattern();

    /// <summary>The facts, or null when the output lacks what a real Julia prints (a version and an absolute default image).</summary>
    public static JuliaInfo? Parse(string stdout) => Parse(Serialization.KeyValueText.Parse(stdout));

    /// <summary>The same, from <c>key=value</c> pairs (other keys, such as a cache record's own, are ignored).</summary>
    public static JuliaInfo? Parse(IReadOnlyList<KeyValuePair<string, string>> facts)
    {
        string? One(string key) => facts.FirstOrDefault(kv => kv.Key == key).Value;
        string? Absolute(string key) => One(key) is { } value && Path.IsPathRooted(value) ? value : null;

        var version = One("version");
        var image = Absolute("image");
        if (version is null || !VersionPattern().IsMatch(version) || image is null)
        {
            return null;
        }

        var depots = facts.Where(kv => kv.Key == "depot" && Path.IsPathRooted(kv.Value)).Select(kv => kv.Value).ToArray();
        var libraries = Absolute("libjulia") is { } libjulia
            ? new JuliaLibraries(libjulia, Absolute("libjulia_internal"), Absolute("private_libdir") ?? Path.GetDirectoryName(libjulia)!)
            : null;
        return new JuliaInfo(version, image, depots, Absolute("stdlib"), libraries);
    }

    /// <summary>The facts as probe.jl prints them (so <see cref="Parse(string)"/> reads them back).</summary>
    public static string Format(JuliaInfo info)
    {
        var text = new StringBuilder();
        void Line(string key, string? value)
        {
            if (value is not null)
            {
                Serialization.KeyValueText.Append(text, key, value);
            }
        }

        Line("version", info.Version);
        Line("image", info.DefaultImage);
        foreach (var depot in info.SystemDepots)
        {
            Line("depot", depot);
        }

        Line("stdlib", info.Stdlib);
        Line("libjulia", info.Libraries?.LibJulia);
        Line("libjulia_internal", info.Libraries?.LibJuliaInternal);
        Line("private_libdir", info.Libraries?.PrivateLibDir);
        return text.ToString();
    }
}
