using System.Globalization;

namespace JuliaNet.Runtime;

/// <summary>How much memory a build may use: Linux's MemAvailable, elsewhere the memory the runtime sees.</summary>
public static class MemoryInfo
{
    /// <summary>The largest peak resident memory of the child processes this process ran to the end (getrusage), in bytes; null when unknown.</summary>
    public static long? ChildrenPeakBytes() => OperatingSystem.IsWindows() ? null : Posix.ChildrenPeakResidentBytes();

    public static long? AvailableBytes()
    {
        if (OperatingSystem.IsLinux())
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
        }

        var total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return total > 0 ? total : null;
    }
}
