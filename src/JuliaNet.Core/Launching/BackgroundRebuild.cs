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
    /// <summary>What the julia-sysimage that rebuilds the image is told in its environment.</summary>
    public RebuildRequest Request => new(Image, Fingerprint);

    public ImageFiles Files => new(Image);

    public string Log => Files.RebuildLog;

    /// <summary>The one stderr line of a launch that started the rebuild.</summary>
    public string Started() =>
        $"{Image} is out of date ({Change}): rebuilding it in the background (log: {Log}); this run uses Julia's default image";

    /// <summary>The line when a build of the image is already running (the build lock is held).</summary>
    public string InProgress() =>
        $"{Image} is out of date ({Change}) and is being rebuilt (log: {Log}); this run uses Julia's default image";

    /// <summary>The line when the rebuild of these inputs failed before, or could not start now.</summary>
    public string FailedLine(RebuildRecord failed) =>
        $"{Image} is out of date ({Change}) and its rebuild failed ({failed.Message ?? "exit " + failed.ExitCode}; log: {failed.Log ?? Log}); " +
        $"this run uses Julia's default image; it is tried again when an input changes, or run: {ShellWords.Join(Command)}";
}
