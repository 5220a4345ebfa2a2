using JuliaNet.Processes;
using JuliaNet.Errors;

namespace JuliaNet.Images;

/// <summary>What julia-net does with an image that is out of date (<c>JULIA_NET_STALE</c>, else the config's <c>stale</c>).</summary>
public enum StaleMode
{
    /// <summary>One warning line on stderr, then Julia runs on the image (the default for an image asked for by name).</summary>
    Warn,

    /// <summary>No check at all.</summary>
    Ignore,

    /// <summary>An error (exit 80) before Julia starts.</summary>
    Error,

    /// <summary>
    /// One detached background rebuild with the recorded rebuild command, and this launch on
    /// Julia's default image (the default for a project image; <see cref="BackgroundRebuild"/>).
    /// </summary>
    Rebuild,
}

public static class StaleModes
{
    public static StaleMode? Parse(string value) => value switch
    {
        "warn" => StaleMode.Warn,
        "ignore" => StaleMode.Ignore,
        "error" => StaleMode.Error,
        "rebuild" => StaleMode.Rebuild,
        _ => null,
    };

    /// <summary>The values, as the messages list them.</summary>
    public const string Values = "warn, ignore, error or rebuild";

    /// <summary>
    /// <c>JULIA_NET_STALE</c> (a wrong value is a usage error), else the config file's, else
    /// rebuild for a project image (julia-net's own file, which nobody named) and warn for an
    /// image asked for by name (the user's file, which julia-net does not rewrite unasked).
    /// </summary>
    public static StaleMode Choose(string? fromEnvironment, Func<StaleMode?> fromConfig, bool projectImage) =>
        fromEnvironment is null
            ? fromConfig() ?? (projectImage ? StaleMode.Rebuild : StaleMode.Warn)
            : Parse(fromEnvironment) ?? throw new UserError(ExitCode.Usage, $"{EnvironmentVariables.Stale} must be {Values}, not \"{fromEnvironment}\"");
}
