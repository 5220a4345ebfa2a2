using System.Globalization;

namespace JuliaNet.Bench.Measure;

/// <summary>
/// The peak memory of a whole process tree, from samples of /proc (see
/// <c>Running/TreeMemorySampler.cs</c>). GNU time's maximum RSS is that of the largest single
/// process, not of the tree; a build runs several processes at once (a driver, julia, the
/// linker), so the suite samples them all.
/// </summary>
/// <param name="PeakPssKb">The largest sum over the tree of each process's proportional set size
/// (<c>Pss</c> in /proc/PID/smaps_rollup): pages shared between processes, such as libjulia and
/// the base image, count once in total.</param>
/// <param name="PeakRssKb">The largest sum of each process's RSS at one sample: shared pages count once per process (an upper bound).</param>
/// <param name="LargestProcessKb">The highest <c>VmHWM</c> seen (the kernel's own peak RSS of one process, what GNU time reports).</param>
/// <param name="Samples">How many samples were taken.</param>
public sealed record TreePeak(long PeakPssKb, long PeakRssKb, long LargestProcessKb, int Samples);

/// <summary>The pure parts of reading /proc: the files' formats and the tree below a process.</summary>
public static class ProcFiles
{
    /// <summary>
    /// The parent pid from /proc/PID/stat (<c>pid (comm) state ppid ...</c>); the command name
    /// may hold spaces and parentheses, so fields are counted after the last ')'. Null when unreadable.
    /// </summary>
    public static int? ParentPid(string stat)
    {
        var end = stat.LastIndexOf(')');
        if (end < 0)
        {
            return null;
        }

        var fields = stat[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid) ? ppid : null;
    }

    /// <summary>A <c>Key:   123 kB</c> line's value in kB (smaps_rollup's Pss and Rss, status's VmHWM), or 0 when absent.</summary>
    public static long KilobytesOf(string text, string key)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                var value = line[(key.Length + 1)..].Trim();
                var number = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
            }
        }

        return 0;
    }

    /// <summary>The root and every process below it, given each process's parent.</summary>
    public static IReadOnlySet<int> Tree(int root, IReadOnlyDictionary<int, int> parentOf)
    {
        var children = parentOf.GroupBy(p => p.Value, p => p.Key).ToDictionary(g => g.Key, g => g.ToArray());
        var tree = new HashSet<int> { root };
        var todo = new Stack<int>([root]);
        while (todo.TryPop(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid, []))
            {
                if (tree.Add(child))
                {
                    todo.Push(child);
                }
            }
        }

        return tree;
    }
}
