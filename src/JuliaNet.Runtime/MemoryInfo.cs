using System.Globalization;
using JuliaNet.Building;

namespace JuliaNet.Runtime;

/// <summary>
/// How much memory a build may use: Linux's MemAvailable, or less when the process's cgroup v2
/// limits leave less (<see cref="CgroupMemory"/>); elsewhere the memory the runtime sees.
/// </summary>
public static class MemoryInfo
{
    /// <summary>The largest peak resident memory of the child processes this process ran to the end (getrusage), in bytes; null when unknown.</summary>
    public static long? ChildrenPeakBytes() => OperatingSystem.IsWindows() ? null : Posix.ChildrenPeakResidentBytes();

    public static long? AvailableBytes()
    {
        if (OperatingSystem.IsLinux())
        {
            var system = MemAvailable();
            return CgroupMemory.Available(ReadOrNull("/proc/self/cgroup") ?? "", ReadOrNull) is { } cgroup && (system is null || cgroup < system) ? cgroup : system;
        }

        var total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return total > 0 ? total : null;
    }

    private static long? MemAvailable()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts is ["MemAvailable:", var kb, "kB"] && long.TryParse(kb, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
