using System.Globalization;

namespace JuliaNet.Bench.Report;

/// <summary>Numbers as the report writes them (invariant culture).</summary>
public static class Format
{
    public static string Seconds(double s) => s switch
    {
        < 0.01 => Invariant($"{s * 1000:0.00} ms"),
        < 1 => Invariant($"{s * 1000:0} ms"),
        < 60 => Invariant($"{s:0.00} s"),
        _ => Minutes((long)Math.Round(s)),
    };

    /// <summary>Whole seconds as minutes and seconds: rounded first, so 179.7 s is 3m00s, never 2m60s.</summary>
    private static string Minutes(long seconds) => Invariant($"{seconds / 60}m{seconds % 60:00}s");

    public static string Ratio(double r) => Invariant($"{r:0.00}");

    public static string Times(double r) => Invariant($"{r:0.0}x");

    public static string Megabytes(long kb) => Invariant($"{kb / 1024.0:0} MB");

    public static string Bytes(long bytes) => Invariant($"{bytes / 1024.0 / 1024.0:0.0} MB");

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
