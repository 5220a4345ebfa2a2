namespace JuliaNet.Paths;

/// <summary>
/// Command lines shown to people (logs, messages) as a POSIX shell would read them, and words
/// read from a variable that holds a command (<c>JULIA_CC="gcc -g"</c>). Never used to run a shell.
/// </summary>
public static class ShellWords
{
    /// <summary>
    /// The words of <paramref name="text"/> as Julia's <c>Base.shell_split</c> reads them (what
    /// PackageCompiler does with <c>JULIA_CC</c>): blanks separate words; <c>'...'</c> is literal;
    /// in <c>"..."</c> a backslash escapes <c>"</c>, <c>\</c> and <c>$</c>; outside quotes a
    /// backslash escapes any character. Null when a quote is not closed or the text ends in a
    /// lone backslash.
    /// </summary>
    public static IReadOnlyList<string>? Split(string text)
    {
        List<string> words = [];
        var word = new System.Text.StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    return null;
                }

                word.Append(text, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                for (i++; ; i++)
                {
                    if (i >= text.Length)
                    {
                        return null;
                    }

                    if (text[i] == '"')
                    {
                        break;
                    }

                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$')
                    {
                        i++;
                    }

                    word.Append(text[i]);
                }
            }
            else if (c == '\\')
            {
                if (++i >= text.Length)
                {
                    return null;
                }

                word.Append(text[i]);
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    public static string Join(IEnumerable<string> args) => string.Join(' ', args.Select(Quote));

    public static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_=./:,+@%".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
