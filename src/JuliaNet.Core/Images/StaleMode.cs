using JuliaNet.Errors;

namespace JuliaNet.Images;

/// <summary>What julia-net does with an image that is out of date (<c>JULIA_NET_STALE</c>, else the config's <c>stale</c>).</summary>
public enum StaleMode
{
    /// <summary>One warning line on stderr, then Julia runs (the default).</summary>
    Warn,

    /// <summary>No check at all.</summary>
    Ignore,

    /// <summary>An error (exit 80) before Julia starts.</summary>
    Error,
}

public static class StaleModes
{
    public const string Variable = "JULIA_NET_STALE";

    public static StaleMode? Parse(string value) => value switch
    {
        "warn" => StaleMode.Warn,
        "ignore" => StaleMode.Ignore,
        "error" => StaleMode.Error,
        _ => null,
    };

    /// <summary><c>JULIA_NET_STALE</c> (a wrong value is a usage error), else the config file's, else warn.</summary>
    public static StaleMode Choose(string? fromEnvironment, Func<StaleMode?> fromConfig) =>
        fromEnvironment is null
            ? fromConfig() ?? StaleMode.Warn
            : Parse(fromEnvironment) ?? throw new UserError(ExitCodes.Usage, $"{Variable} must be warn, ignore or error, not \"{fromEnvironment}\"");

    /// <summary>The warning to print, or null; in error mode the error itself.</summary>
    public static string? Apply(StaleMode mode, string image, string? change, IReadOnlyList<string> rebuild)
    {
        if (change is null || mode == StaleMode.Ignore)
        {
            return null;
        }

        var message = $"{image} is out of date: {change}" + (rebuild.Count > 0 ? $"; rebuild: {Paths.ShellWords.Join(rebuild)}" : "");
        return mode == StaleMode.Error ? throw new UserError(ExitCodes.ImageStale, message) : message;
    }
}
