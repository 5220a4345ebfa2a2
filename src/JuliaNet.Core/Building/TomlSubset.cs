using System.Globalization;
using System.Text;

namespace JuliaNet.Building;

/// <summary>
/// The part of TOML that Julia's Project.toml and Manifest.toml use: <c>[table]</c> and
/// <c>[[array.of.tables]]</c> headers, <c>key = value</c> with basic or literal strings,
/// arrays of strings, numbers and booleans. Each table is returned with its header path;
/// anything else is a <see cref="FormatException"/> naming the line.
/// </summary>
public static class TomlSubset
{
    public sealed record Table(string Header, bool IsArrayItem, IReadOnlyDictionary<string, object> Values);

    public static IReadOnlyList<Table> Parse(string text)
    {
        var tables = new List<Table>();
        var current = new Dictionary<string, object>(StringComparer.Ordinal);
        tables.Add(new Table("", false, current));
        var lineNumber = 0;
        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            lineNumber++;
            var line = StripComment(rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("[[", StringComparison.Ordinal))
            {
                current = new Dictionary<string, object>(StringComparer.Ordinal);
                tables.Add(new Table(Header(line, 2, lineNumber), true, current));
            }
            else if (line.StartsWith('['))
            {
                current = new Dictionary<string, object>(StringComparer.Ordinal);
                tables.Add(new Table(Header(line, 1, lineNumber), false, current));
            }
            else
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new FormatException($"line {lineNumber}: expected key = value");
                }

                var key = Unquote(line[..eq].Trim());
                var pos = 0;
                var valueText = line[(eq + 1)..].Trim();
                current[key] = Value(valueText, ref pos, lineNumber);
                if (valueText[pos..].Trim().Length != 0)
                {
                    throw new FormatException($"line {lineNumber}: unexpected text after value");
                }
            }
        }

        return tables;
    }

    private static string Header(string line, int brackets, int lineNumber)
    {
        var close = new string(']', brackets);
        if (!line.EndsWith(close, StringComparison.Ordinal) || line.Length <= 2 * brackets)
        {
            throw new FormatException($"line {lineNumber}: malformed table header");
        }

        return string.Join('.', line[brackets..^brackets].Split('.').Select(part => Unquote(part.Trim())));
    }

    private static object Value(string text, ref int pos, int lineNumber)
    {
        if (pos >= text.Length)
        {
            throw new FormatException($"line {lineNumber}: missing value");
        }

        switch (text[pos])
        {
            case '"':
            case '\'':
                return String(text, ref pos, lineNumber);
            case '[':
                var items = new List<string>();
                pos++;
                while (true)
                {
                    SkipSpaces(text, ref pos);
                    if (pos >= text.Length)
                    {
                        throw new FormatException($"line {lineNumber}: unterminated array (multi-line arrays are not supported)");
                    }

                    if (text[pos] == ']')
                    {
                        pos++;
                        return items.ToArray();
                    }

                    items.Add(Value(text, ref pos, lineNumber).ToString()!);
                    SkipSpaces(text, ref pos);
                    if (pos < text.Length && text[pos] == ',')
                    {
                        pos++;
                    }
                }

            default:
                var start = pos;
                while (pos < text.Length && text[pos] is not (',' or ']' or ' ' or '\t'))
                {
                    pos++;
                }

                var bare = text[start..pos];
                if (bare is "true" or "false" || double.TryParse(bare, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    return bare;
                }

                throw new FormatException($"line {lineNumber}: unsupported value {bare}");
        }
    }

    private static string String(string text, ref int pos, int lineNumber)
    {
        var quote = text[pos++];
        var result = new StringBuilder();
        while (pos < text.Length && text[pos] != quote)
        {
            if (quote == '"' && text[pos] == '\\' && pos + 1 < text.Length)
            {
                pos++;
                result.Append(text[pos] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var c => c });
            }
            else
            {
                result.Append(text[pos]);
            }

            pos++;
        }

        if (pos >= text.Length)
        {
            throw new FormatException($"line {lineNumber}: unterminated string");
        }

        pos++;
        return result.ToString();
    }

    private static string Unquote(string key) =>
        key.Length >= 2 && (key[0] == '"' || key[0] == '\'') && key[^1] == key[0] ? key[1..^1] : key;

    private static void SkipSpaces(string text, ref int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t')
        {
            pos++;
        }
    }

    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && c == '#')
            {
                return line[..i];
            }

            if (c is '"' or '\'')
            {
                quote = quote == c ? null : quote ?? c;
            }
        }

        return line;
    }
}
