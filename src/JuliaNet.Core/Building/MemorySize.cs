using System.Globalization;
using System.Text.RegularExpressions;

namespace JuliaNet.Building;

/// <summary>
/// Sizes of memory as the user writes them (<c>--memory-limit</c>) and as the tools print them.
/// Units are powers of 1024, as <c>free -h</c>, <c>docker --memory</c> and GNU's sizes take them:
/// <c>512M</c>, <c>4G</c>, <c>1.5G</c>, <c>4GiB</c>, or plain bytes.
/// </summary>
public static partial class MemorySize
{
    public const long MiB = 1L << 20;

    public const long GiB = 1L << 30;

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?)(?<unit>[KMGT])?(i?B)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Size();

    /// <summary>The bytes <paramref name="text"/> names, or null when it is not a size or is zero or too large.</summary>
    public static long? Parse(string text)
    {
        var match = Size().Match(text.Trim());
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var unit = match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "K" => 1L << 10,
            "M" => MiB,
            "G" => GiB,
            "T" => 1L << 40,
            _ => 1L,
        };
        var bytes = number * unit;
        return bytes is >= 1 and <= long.MaxValue ? (long)bytes : null;
    }

    /// <summary>Bytes for people: <c>4.8 GB</c>, or <c>512 MB</c> below a gigabyte (units of 1024).</summary>
    public static string Format(long bytes) =>
        bytes >= GiB
            ? (bytes / (double)GiB).ToString("0.0 'GB'", CultureInfo.InvariantCulture)
            : (bytes / (double)MiB).ToString("0 'MB'", CultureInfo.InvariantCulture);
}
