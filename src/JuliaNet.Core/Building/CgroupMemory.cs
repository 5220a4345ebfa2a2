using System.Globalization;

namespace JuliaNet.Building;

/// <summary>
/// The memory a process may still use under its cgroup v2 limits: a container's or a systemd
/// unit's <c>memory.max</c> is enforced by the out-of-memory killer even when the machine has
/// memory to spare, and <c>/proc/meminfo</c> does not show it. For the process's cgroup and
/// each one above it that sets a limit: <c>memory.max</c> less what is in use, where the
/// inactive file cache (<c>memory.stat</c>'s <c>inactive_file</c>) does not count as in use
/// (the kernel reclaims it before it kills, as MemAvailable also counts it); the smallest.
/// Pure: the caller reads the files.
/// </summary>
public static class CgroupMemory
{
    public const string Root = "/sys/fs/cgroup";

    /// <param name="selfCgroup">The text of <c>/proc/self/cgroup</c>.</param>
    /// <param name="readFile">Reads a file's text, or null when it cannot.</param>
    /// <returns>Bytes, or null when no cgroup v2 limit applies.</returns>
    public static long? Available(string selfCgroup, Func<string, string?> readFile)
    {
        var path = selfCgroup.Split('\n').FirstOrDefault(l => l.StartsWith("0::", StringComparison.Ordinal))?[3..].Trim();
        if (path is null || !path.StartsWith('/'))
        {
            return null;
        }

        long? smallest = null;
        for (var dir = path.TrimEnd('/'); ; dir = dir[..dir.LastIndexOf('/')])
        {
            var full = Root + dir;
            if (Number(readFile(full + "/memory.max")) is { } max && Number(readFile(full + "/memory.current")) is { } current)
            {
                var inUse = Math.Max(0, current - (InactiveFile(readFile(full + "/memory.stat")) ?? 0));
                var left = Math.Max(0, max - inUse);
                smallest = smallest is { } s ? Math.Min(s, left) : left;
            }

            if (dir.Length == 0)
            {
                return smallest;
            }
        }
    }

    /// <summary>A file's one number; null for "max" (no limit), nothing, or anything else.</summary>
    private static long? Number(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? InactiveFile(string? stat) =>
        stat?.Split('\n').Select(l => l.Split(' ')).FirstOrDefault(p => p is ["inactive_file", _]) is [_, var value] ? Number(value) : null;
}
