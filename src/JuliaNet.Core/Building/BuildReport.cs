using System.Globalization;

namespace JuliaNet.Building;

/// <summary>Where the object step found a package.</summary>
public enum PackageSource
{
    /// <summary>Already in the base image.</summary>
    Image,

    /// <summary>From a precompile cache (what the precompile step prepared).</summary>
    Cache,

    /// <summary>From its source files: no usable cache, so the image carries code without the package's precompile-time work.</summary>
    Source,

    /// <summary>This Julia's internals did not say.</summary>
    Unknown,

    /// <summary>A standard library that only the precompile scripts load, added so that their statements replay.</summary>
    ScriptStdlib,
}

/// <summary>How the object step ended, as its report's <c>status=</c> line says (absent while it runs, or when it died).</summary>
public enum ReportStatus
{
    /// <summary><c>status=ok</c>: the image's state is ready to be written.</summary>
    Ok,

    /// <summary><c>status=error</c>: a Julia error, in the report's <c>error=</c> line.</summary>
    Error,

    /// <summary><c>status=strict</c>: more statements failed than <c>--strict</c> allows; no object written.</summary>
    Strict,
}

public sealed record PackageLoad(string Name, string Uuid, double Seconds, PackageSource Source, string? CacheFile);

/// <summary>How the replay of precompile statements went.</summary>
public sealed record StatementCounts(int Total, int Succeeded, int Failed, int Skipped)
{
    /// <summary>The statements that were tried (lines that are not <c>precompile(...)</c> are skipped).</summary>
    public int Replayable => Total - Skipped;
}

/// <summary>What build_image.jl reports of the object step (its report file; format in its header).</summary>
public sealed record BuildReport(
    ReportStatus? Status,
    string? Error,
    IReadOnlyList<PackageLoad> Loaded,
    StatementCounts? Statements,
    IReadOnlyList<KeyValuePair<string, int>> MissingPackages,
    IReadOnlyList<KeyValuePair<string, int>> MissingNames)
{
    public bool Succeeded => Status == ReportStatus.Ok;

    public static BuildReport Parse(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        List<PackageLoad> loaded = [];
        List<KeyValuePair<string, int>> missingPackages = [], missingNames = [];
        foreach (var (key, value) in Serialization.KeyValueText.Parse(lines))
        {
            switch (key)
            {
                case "loaded" when ParseLoad(value) is { } load:
                    loaded.Add(load);
                    break;
                case "missing_package" when Counted(value) is { } package:
                    missingPackages.Add(package);
                    break;
                case "missing_name" when Counted(value) is { } name:
                    missingNames.Add(name);
                    break;
                default:
                    values[key] = value;
                    break;
            }
        }

        int? Number(string key) => values.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var statements = Number("statements_total") is { } total
            ? new StatementCounts(total, Number("statements_succeeded") ?? 0, Number("statements_failed") ?? 0, Number("statements_skipped") ?? 0)
            : null;
        return new BuildReport(ParseStatus(values.GetValueOrDefault("status")), values.GetValueOrDefault("error"), loaded, statements, missingPackages, missingNames);
    }

    /// <summary>The report's <c>status=</c> value (build_image.jl writes it); null when absent or unknown.</summary>
    private static ReportStatus? ParseStatus(string? value) => value switch
    {
        "ok" => ReportStatus.Ok,
        "error" => ReportStatus.Error,
        "strict" => ReportStatus.Strict,
        _ => null,
    };

    /// <summary><c>Name UUID seconds how [cache file]</c>; the cache file's path may hold spaces.</summary>
    private static PackageLoad? ParseLoad(string value)
    {
        var parts = value.Split(' ', 5);
        if (parts.Length < 4 || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var source = parts[3] switch
        {
            "image" => PackageSource.Image,
            "cache" => PackageSource.Cache,
            "source" => PackageSource.Source,
            "script-stdlib" => PackageSource.ScriptStdlib,
            _ => PackageSource.Unknown,
        };
        return new PackageLoad(parts[0], parts[1], seconds, source, source == PackageSource.Cache && parts.Length == 5 ? parts[4] : null);
    }

    private static KeyValuePair<string, int>? Counted(string value)
    {
        var space = value.LastIndexOf(' ');
        return space > 0 && int.TryParse(value[(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? new(value[..space], n)
            : null;
    }
}
