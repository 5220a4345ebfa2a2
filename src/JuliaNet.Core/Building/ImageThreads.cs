using System.Globalization;

namespace JuliaNet.Building;

/// <summary>
/// How many threads Julia 1.10+ uses to generate the image's native code
/// (<c>JULIA_IMAGE_THREADS</c>, src/aotcompile.cpp). Julia's own default leaves cores idle on
/// small machines (one of two observed on 1.10.8), and every thread adds memory (1.10.8, a
/// 24-type package: 3.5 GB with one thread, 5.0 GB with two, 1.41x faster; julia #50729).
/// So: <c>--image-threads</c>, else the user's <c>JULIA_IMAGE_THREADS</c>, else one thread per
/// core as long as each has <see cref="MemoryPerThread"/> of the available memory beyond
/// <see cref="MemoryBase"/>, and at least one.
/// </summary>
public static class ImageThreads
{
    public const long MemoryBase = 2L << 30;

    public const long MemoryPerThread = 2L << 30;

    /// <param name="option">--image-threads, already checked to be at least 1.</param>
    /// <param name="availableMemory">Bytes of memory available now, or null when unknown.</param>
    public static int Choose(int? option, string? fromEnvironment, int processors, long? availableMemory)
    {
        if (option is { } given)
        {
            return given;
        }

        if (int.TryParse(fromEnvironment, NumberStyles.None, CultureInfo.InvariantCulture, out var fromUser) && fromUser >= 1)
        {
            return fromUser;
        }

        var byMemory = availableMemory is { } bytes ? (int)Math.Min(int.MaxValue, Math.Max(0, bytes - MemoryBase) / MemoryPerThread) : 1;
        return Math.Max(1, Math.Min(processors, byMemory));
    }
}
