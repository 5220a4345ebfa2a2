using JuliaNet.Building;
using JuliaNet.Errors;
using JuliaNet.Processes;

namespace JuliaNet.Learning;

/// <summary>
/// Whether julia-net learns from a project's runs, and how much it keeps: <c>JULIA_NET_LEARN</c>
/// (1, true, yes, on / 0, false, no, off), else the config's <c>learn</c>, else off; the limit
/// from <c>JULIA_NET_LEARN_LIMIT</c>, else the config's <c>learn_limit</c>, else
/// <see cref="DefaultLimit"/>. Off by default: learning writes files in the user's cache, and the
/// statements name the user's own types and functions; a user turns it on knowingly.
/// </summary>
public sealed record LearningSettings(bool On, long LimitBytes)
{
    /// <summary>8 MiB: some 50,000 statements, far more than a large package's runs compile.</summary>
    public const long DefaultLimit = 8 * MemorySize.MiB;

    public static readonly LearningSettings Off = new(false, DefaultLimit);

    public static bool? ParseSwitch(string value) => value.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "on" => true,
        "0" or "false" or "no" or "off" => false,
        _ => null,
    };

    /// <param name="fromConfig">The user's config (read only when the environment does not settle it).</param>
    public static LearningSettings Choose(ProcessFacts process, Func<Config.UserConfig> fromConfig)
    {
        bool? on = process.Env(EnvironmentVariables.Learn) is { } learn
            ? ParseSwitch(learn) ?? throw new UserError(ExitCode.Usage, $"{EnvironmentVariables.Learn} must be 1 or 0 (true/false, yes/no, on/off), not \"{learn}\"")
            : null;
        long? limit = process.Env(EnvironmentVariables.LearnLimit) is { } text
            ? MemorySize.Parse(text) ?? throw new UserError(ExitCode.Usage, $"{EnvironmentVariables.LearnLimit} must be a size such as 8M or 64M, not \"{text}\"")
            : null;
        if (on is null || (on.Value && limit is null))
        {
            var config = fromConfig();
            on ??= config.Learn;
            limit ??= config.LearnLimit;
        }

        return new LearningSettings(on ?? false, limit ?? DefaultLimit);
    }
}
