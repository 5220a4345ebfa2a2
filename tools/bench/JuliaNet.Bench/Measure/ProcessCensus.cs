using System.Text.RegularExpressions;

namespace JuliaNet.Bench.Measure;

/// <summary>
/// Which programs a build runs, from <c>strace -ff -e trace=execve</c> output (one file per
/// process): each successful execve counts once, by the program's file name. Failed ones (a
/// PATH search trying directories) do not count.
/// </summary>
public static partial class ProcessCensus
{
    public static IReadOnlyDictionary<string, int> Count(IEnumerable<string> traces)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in traces.SelectMany(text => text.Split('\n')))
        {
            var match = SuccessfulExec().Match(line.TrimEnd('\r'));
            if (match.Success)
            {
                var name = Path.GetFileName(match.Groups["path"].Value);
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        return counts;
    }

    [GeneratedRegex("""^(?:\d+ +)?execve\("(?<path>(?:[^"\\]|\\.)*)",.*\) = 0$""")]
    private static partial Regex SuccessfulExec();
}

/// <summary>The programs a forced build and an up-to-date build of one package ran, by file name.</summary>
public sealed record BuildProcesses(int Types, IReadOnlyDictionary<string, int> Forced, IReadOnlyDictionary<string, int> UpToDate);
