using System.Text.Json;

namespace JuliaNet.Bench.Measure;

/// <summary>
/// Reads the JSON lines julia-sysimage appends with JULIA_NET_STEP_STATS
/// (<c>{"step":"object","seconds":95.2,"maxRssKb":2100000}</c>); other lines (GNU time's
/// notes about a failed command) are skipped.
/// </summary>
public static class StepStats
{
    public static IReadOnlyList<StepCost> Parse(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith('{'))
            .Select(ParseLine)
            .ToArray();

    private static StepCost ParseLine(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return new StepCost(root.GetProperty("step").GetString()!, root.GetProperty("seconds").GetDouble(), root.GetProperty("maxRssKb").GetInt64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BenchError($"unreadable step statistics line: {line}");
        }
    }
}
