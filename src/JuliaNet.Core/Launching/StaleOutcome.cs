using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Paths;

namespace JuliaNet.Launching;

/// <summary>
/// What a launch does about its image's stale check, decided by the planner: a closed set. An
/// image that is not checked (no watched inputs, <see cref="StaleMode.Ignore"/>, a child of a
/// launch) has none.
/// </summary>
/// <param name="Mode">The mode the check ran in.</param>
/// <param name="Change">The first change found, or null when the image is up to date.</param>
/// <param name="Command">The command that rebuilds the image, as its metadata records it (empty for none).</param>
public abstract record StaleOutcome(StaleMode Mode, string? Change, IReadOnlyList<string> Command)
{
    /// <summary>Nothing changed since the image was built: Julia runs on it, nothing is said.</summary>
    public sealed record UpToDate(StaleMode Mode, IReadOnlyList<string> Command) : StaleOutcome(Mode, null, Command);

    /// <summary>Out of date in warn mode: one warning line, then Julia runs on the image anyway.</summary>
    public sealed record Warned(string Image, string Changed, IReadOnlyList<string> Command) : StaleOutcome(StaleMode.Warn, Changed, Command)
    {
        public string Warning => OutOfDate(Image, Changed, Command);
    }

    /// <summary>Out of date in error mode: julia-net exits 80 before Julia starts.</summary>
    public sealed record Refused(string Image, string Changed, IReadOnlyList<string> Command) : StaleOutcome(StaleMode.Error, Changed, Command)
    {
        public UserError Error => new(ExitCode.ImageStale, OutOfDate(Image, Changed, Command));
    }

    /// <summary>
    /// Out of date in rebuild mode: this launch runs Julia's default image, and the image is
    /// rebuilt in the background (<see cref="Rebuild"/>); when its metadata records no rebuild
    /// command there is no rebuild, and a warning says so.
    /// </summary>
    public sealed record PassedOver(string Image, string Changed, IReadOnlyList<string> Command, BackgroundRebuild? Rebuild) : StaleOutcome(StaleMode.Rebuild, Changed, Command)
    {
        public string? Warning => Rebuild is null
            ? $"{Image} is out of date ({Changed}) and cannot be rebuilt in the background: its metadata records no rebuild command; this run uses Julia's default image"
            : null;
    }

    /// <summary>The line of an out-of-date image, with the command that rebuilds it when there is one: the warning, or the error.</summary>
    private static string OutOfDate(string image, string change, IReadOnlyList<string> command) =>
        $"{image} is out of date: {change}" + (command.Count > 0 ? $"; rebuild: {ShellWords.Join(command)}" : "");

    /// <summary>The outcome of a check in <paramref name="mode"/> that found <paramref name="change"/> (null: none) in <paramref name="image"/>.</summary>
    public static StaleOutcome Of(StaleMode mode, string image, string? change, IReadOnlyList<string> command, Func<BackgroundRebuild?> rebuild) =>
        (mode, change) switch
        {
            (_, null) => new UpToDate(mode, command),
            (StaleMode.Warn, { } c) => new Warned(image, c, command),
            (StaleMode.Error, { } c) => new Refused(image, c, command),
            (StaleMode.Rebuild, { } c) => new PassedOver(image, c, command, rebuild()),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "an ignored image is not checked"),
        };
}
