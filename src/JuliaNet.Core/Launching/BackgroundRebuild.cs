using JuliaNet.Images;
using JuliaNet.Paths;

namespace JuliaNet.Launching;

/// <summary>
/// An out-of-date image in <see cref="StaleMode.Rebuild"/> mode: what julia-net passes over
/// (the launch runs Julia's default image instead) and how to rebuild it in the background.
/// </summary>
/// <param name="Image">The out-of-date image.</param>
/// <param name="Change">What changed since it was built.</param>
/// <param name="Command">The recorded rebuild command (its first word is julia-sysimage).</param>
/// <param name="Fingerprint">The stamps of the image's inputs now (<see cref="StaleCheck.Fingerprint"/>).</param>
/// <param name="Failed">The failed rebuild of these same inputs, when there was one: then none is started.</param>
public sealed record BackgroundRebuild(string Image, string Change, IReadOnlyList<string> Command, string Fingerprint, RebuildRecord? Failed)
{
    /// <summary>Why the image is built again: out of date (the default), or what the project's runs taught.</summary>
    public RebuildReason Reason { get; init; } = RebuildReason.Stale;

    /// <summary>What the julia-sysimage that rebuilds the image is told in its environment.</summary>
    public RebuildRequest Request => new(Image, Fingerprint);

    public ImageFiles Files => new(Image);

    public string Log => Files.RebuildLog;

    /// <summary>The one stderr line of a launch that started the rebuild.</summary>
    public string Started() => Reason switch
    {
        RebuildReason.Improvable => $"{Image} can be made faster ({Change}): rebuilding it in the background (log: {Log}); this run uses it as it is",
        RebuildReason.FirstImage => $"the project's runs taught {Change}: building its image {Image} in the background (log: {Log}); this run uses Julia's default image",
        _ => $"{Image} is out of date ({Change}): rebuilding it in the background (log: {Log}); this run uses Julia's default image",
    };

    /// <summary>The line when a build of the image is already running (the build lock is held); none for a rebuild of what was learned (the run is not affected).</summary>
    public string? InProgress() => Reason == RebuildReason.Stale
        ? $"{Image} is out of date ({Change}) and is being rebuilt (log: {Log}); this run uses Julia's default image"
        : null;

    /// <summary>The line when the rebuild of these inputs failed before, or could not start now; none when an image that works could not be improved (status says it).</summary>
    public string? FailedLine(RebuildRecord failed) => Reason switch
    {
        RebuildReason.Improvable => null,
        RebuildReason.FirstImage =>
            $"building the project's image {Image} from what its runs taught failed ({failed.Message ?? "exit " + failed.ExitCode}; log: {failed.Log ?? Log}); " +
            $"it is tried again when more is learned, or run: {ShellWords.Join(Command)}",
        _ => $"{Image} is out of date ({Change}) and its rebuild failed ({failed.Message ?? "exit " + failed.ExitCode}; log: {failed.Log ?? Log}); " +
            $"this run uses Julia's default image; it is tried again when an input changes, or run: {ShellWords.Join(Command)}",
    };
}

/// <summary>Why julia-net starts a background build of an image.</summary>
public enum RebuildReason
{
    /// <summary>An input changed since the image was built.</summary>
    Stale,

    /// <summary>The project's runs compiled enough that the image lacks (<see cref="Learning.Improvement"/>).</summary>
    Improvable,

    /// <summary>The project has no image yet, and its runs compiled enough to build one from.</summary>
    FirstImage,
}
