namespace JuliaNet.Paths;

/// <summary>Command lines shown to people (logs, messages) as a POSIX shell would read them. Never used to run anything.</summary>
public static class ShellWords
{
    public static string Join(IEnumerable<string> args) => string.Join(' ', args.Select(Quote));

    public static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_=./:,+@%".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
