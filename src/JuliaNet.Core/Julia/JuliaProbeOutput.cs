using System.Text.RegularExpressions;

namespace JuliaNet.Julia;

/// <summary>Reads what <c>probe.jl</c> prints: version, default image, then the system depots.</summary>
public static partial class JuliaProbeOutput
{
    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.\-]+)?(\+[0-9A-Za-z.\-]+)?$")]
    private static partial Regex VersionPattern();

    /// <summary>The facts, or null when the output is not what a real Julia prints.</summary>
    public static JuliaInfo? Parse(string stdout)
    {
        var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        if (lines.Length < 2 || !VersionPattern().IsMatch(lines[0]) || !Path.IsPathRooted(lines[1]))
        {
            return null;
        }

        return new JuliaInfo(lines[0], lines[1], lines[2..].Where(Path.IsPathRooted).ToArray());
    }
}
