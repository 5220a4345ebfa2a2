using JuliaNet.Julia;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Juliaup;

/// <summary>
/// Which juliaup channel applies, as <c>run_app</c> in juliaup's src/bin/julialauncher.rs
/// decides: <c>+CHANNEL</c>, else <c>JULIAUP_CHANNEL</c>, else the override for the working
/// directory (<c>get_override_channel</c>), else the default channel. juliaup's opt-in
/// <c>ManifestVersionDetect</c> setting (a channel from the active project's manifest) is not followed.
/// </summary>
public static class JuliaupChannelChooser
{
    /// <summary>The channel from the command line or the environment, which need no juliaup.json to be chosen; null when neither is given.</summary>
    public static JuliaupChannelRequest? Requested(ProcessFacts process, string? channelArgument)
    {
        if (channelArgument is not null)
        {
            return new(channelArgument, JuliaSource.ChannelArgument, "+" + channelArgument);
        }

        return process.Env(EnvironmentVariables.JuliaupChannel) is { } fromEnvironment
            ? new(fromEnvironment, JuliaSource.JuliaupChannelVariable, $"{EnvironmentVariables.JuliaupChannel}={fromEnvironment}")
            : null;
    }

    /// <summary>The override for the working directory, else the default channel; null when juliaup.json has neither.</summary>
    public static JuliaupChannelRequest? Configured(ProcessFacts process, JuliaupConfig config, IFileProbe fs)
    {
        if (Override(process, config, fs) is { } matching)
        {
            return new(matching.Channel, JuliaSource.JuliaupOverride, $"juliaup's override for {matching.Path}");
        }

        return config.Default is { } defaultChannel
            ? new(defaultChannel, JuliaSource.JuliaupDefault, "juliaup's default channel")
            : null;
    }

    /// <summary>
    /// As <c>get_override_channel</c>: the working directory made canonical, the overrides whose
    /// path it starts with (whole components, as Rust's <c>Path::starts_with</c>), the longest
    /// path (by length as written; of equal ones, the last).
    /// </summary>
    public static JuliaupOverride? Override(ProcessFacts process, JuliaupConfig config, IFileProbe fs)
    {
        if (config.Overrides.Count == 0)
        {
            return null;
        }

        var windows = process.Platform == Platform.Windows;
        var cwd = Components(fs.RealPath(process.WorkingDirectory), windows);
        JuliaupOverride? best = null;
        foreach (var candidate in config.Overrides)
        {
            var prefix = Components(candidate.Path, windows);
            if (prefix.Length <= cwd.Length && prefix.SequenceEqual(cwd.Take(prefix.Length), StringComparer.Ordinal)
                && (best is null || candidate.Path.Length >= best.Path.Length))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>A path's components: <c>/</c> for the root, then each name (empty and <c>.</c> components dropped, as Rust's <c>Path::components</c>).</summary>
    private static string[] Components(string path, bool windows)
    {
        var names = (windows ? path.Split('/', '\\') : path.Split('/')).Where(c => c.Length > 0 && c != ".");
        return path.StartsWith('/') ? ["/", .. names] : [.. names];
    }
}
