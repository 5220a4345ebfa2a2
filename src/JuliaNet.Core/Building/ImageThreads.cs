using JuliaNet.Processes;
using System.Globalization;

namespace JuliaNet.Building;

/// <summary>Where a number of image threads came from.</summary>
public enum ThreadSource
{
    /// <summary>None was given: one per core, as memory allows (<see cref="MemoryBudget"/>).</summary>
    Default,

    /// <summary><c>--image-threads</c>.</summary>
    Option,

    /// <summary>The user's <c>JULIA_IMAGE_THREADS</c>.</summary>
    Environment,
}

/// <summary>The image threads asked for: a count from the command line or the environment, or none (the default).</summary>
public sealed record ThreadRequest(int? Count, ThreadSource Source)
{
    /// <summary>How the request is named in a warning: <c>--image-threads 4</c>, <c>JULIA_IMAGE_THREADS=4</c>.</summary>
    public string Name => Source == ThreadSource.Option ? $"--image-threads {Count}" : $"{EnvironmentVariables.ImageThreads}={Count}";
}

/// <summary>
/// How many threads Julia 1.10+ uses to generate the image's native code
/// (<c>JULIA_IMAGE_THREADS</c>, src/aotcompile.cpp). Julia's own default leaves cores idle on
/// small machines (one of two observed on 1.10.8), and every thread adds memory (1.10.8, a
/// 24-type package: 3.5 GB with one thread, 5.0 GB with two, 1.41x faster; julia #50729).
/// So: <c>--image-threads</c>, else the user's <c>JULIA_IMAGE_THREADS</c>, else the default;
/// <see cref="MemoryBudget"/> then fits the count to the memory.
/// </summary>
public static class ImageThreads
{
    /// <param name="option">--image-threads, already checked to be at least 1.</param>
    /// <param name="fromEnvironment">JULIA_IMAGE_THREADS; anything but a count of at least 1 is ignored.</param>
    public static ThreadRequest Request(int? option, string? fromEnvironment)
    {
        if (option is { } given)
        {
            return new ThreadRequest(given, ThreadSource.Option);
        }

        return int.TryParse(fromEnvironment, NumberStyles.None, CultureInfo.InvariantCulture, out var fromUser) && fromUser >= 1
            ? new ThreadRequest(fromUser, ThreadSource.Environment)
            : new ThreadRequest(null, ThreadSource.Default);
    }
}
