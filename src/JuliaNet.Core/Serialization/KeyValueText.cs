using System.Text;

namespace JuliaNet.Serialization;

/// <summary>
/// The <c>key=value</c> text that crosses the boundary between the tools and the Julia they run,
/// one codec for all of it: the build's params file (C# writes, params.jl reads), the object
/// step's report (build_image.jl writes), probe.jl's output, and the cache of what it printed.
/// One pair per line: the key is what comes before the first <c>=</c>, trimmed; the value is the
/// rest of the line, with backslash escapes (<c>\\</c>, <c>\n</c>, <c>\r</c>) so that any value,
/// a path with a newline included, survives. A repeated key is a list, in order. Lines without a
/// key (blank, <c>#</c> comments, no <c>=</c>) are skipped; a trailing <c>\r</c> is dropped.
/// The Julia side is keyvalue.jl (writing) and Base's <c>unescape_string</c> (reading, in params.jl).
/// </summary>
public static class KeyValueText
{
    /// <summary>Appends one pair's line to <paramref name="text"/>.</summary>
    public static StringBuilder Append(StringBuilder text, string key, string value) =>
        text.Append(key).Append('=').Append(Escape(value)).Append('\n');

    /// <summary>The pairs of <paramref name="text"/>, in order, values unescaped.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text) => Parse(text.Split('\n'));

    /// <summary>The pairs of <paramref name="lines"/>, in order, values unescaped.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(IEnumerable<string> lines)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var raw in lines)
        {
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? line[..eq].Trim() : "";
            if (key.Length > 0 && !key.StartsWith('#'))
            {
                pairs.Add(new(key, Unescape(line[(eq + 1)..])));
            }
        }

        return pairs;
    }

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal);

    /// <summary>The inverse of <see cref="Escape"/>; a backslash before any other character is kept as it is.</summary>
    public static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && value[i + 1] is '\\' or 'n' or 'r')
            {
                text.Append(value[++i] switch { 'n' => '\n', 'r' => '\r', _ => '\\' });
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }
}
