namespace JuliaNet.Sysimage;

/// <summary>What link_info.jl reports of a Julia installation: <c>key=value</c> lines, repeated keys as lists.</summary>
internal sealed class JuliaFacts(IReadOnlyDictionary<string, List<string>> values)
{
    public static JuliaFacts Parse(string stdout)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n'))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                var key = line[..eq].Trim();
                (values.TryGetValue(key, out var list) ? list : values[key] = []).Add(line[(eq + 1)..].TrimEnd('\r'));
            }
        }

        return new JuliaFacts(values);
    }

    public string? One(string key) => values.TryGetValue(key, out var list) && list.Count > 0 ? list[0] : null;

    public string Required(string key) => One(key) ?? throw new InvalidDataException($"julia did not report {key}");

    public IReadOnlyList<string> All(string key) => values.TryGetValue(key, out var list) ? list : [];
}
