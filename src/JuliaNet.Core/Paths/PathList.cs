namespace JuliaNet.Paths;

/// <summary>PATH-style lists (<c>:</c> on Unix, <c>;</c> on Windows).</summary>
public static class PathList
{
    public static char Separator(bool windows) => windows ? ';' : ':';

    public static string[] Split(string? value, bool windows) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(Separator(windows));

    public static string Join(IEnumerable<string> entries, bool windows) =>
        string.Join(Separator(windows), entries);
}
