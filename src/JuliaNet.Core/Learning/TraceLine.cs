namespace JuliaNet.Learning;

/// <summary>
/// One line of Julia's <c>--trace-compile</c> output, as every release writes it: <c>precompile(T)</c>,
/// where 1.12 may put <c>#= 12.3 ms =# </c> before it (<c>--trace-compile-timing</c>) and
/// <c> # recompile</c> after it. The statement is the part without those annotations, so that the
/// same statement traced by two runs is one.
/// </summary>
public static class TraceLine
{
    private const string Start = "precompile(";
    private const string Recompile = " # recompile";

    /// <summary>The statement of <paramref name="line"/> (no line end), or null when it is not a whole <c>precompile(...)</c> line.</summary>
    public static string? Statement(string line)
    {
        var text = line.AsSpan().Trim();
        if (text.StartsWith("#=", StringComparison.Ordinal))
        {
            var end = text.IndexOf("=#", StringComparison.Ordinal);
            if (end < 0)
            {
                return null;
            }

            text = text[(end + 2)..].TrimStart();
        }

        if (text.EndsWith(Recompile, StringComparison.Ordinal))
        {
            text = text[..^Recompile.Length].TrimEnd();
        }

        // A line cut short (a run killed while it wrote) lacks its closing parenthesis or its balance.
        return text.StartsWith(Start, StringComparison.Ordinal) && text.EndsWith(')') && Balanced(text) ? text.ToString() : null;
    }

    /// <summary>Whether the parentheses and braces balance, outside string literals (a closure's name is <c>var"#f#1"</c>).</summary>
    private static bool Balanced(ReadOnlySpan<char> text)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '(' or '{' or '[':
                    depth++;
                    break;
                case ')' or '}' or ']':
                    if (--depth < 0)
                    {
                        return false;
                    }

                    break;
            }
        }

        return depth == 0 && !inString;
    }
}
