namespace JuliaNet.Paths;

/// <summary>A leading <c>~</c> as Julia's <c>expanduser</c> reads it: <c>~</c> and <c>~/…</c> only (<c>~user</c> is left alone).</summary>
public static class HomePath
{
    public static bool StartsAtHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal);

    /// <summary>The path with its leading <c>~</c> made <paramref name="home"/>; other paths unchanged.</summary>
    public static string Expand(string path, string home) =>
        StartsAtHome(path) ? Path.Combine(home, path[1..].TrimStart('/')) : path;
}
