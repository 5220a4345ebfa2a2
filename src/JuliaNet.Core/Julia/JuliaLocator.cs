using JuliaNet.Config;
using JuliaNet.Errors;
using JuliaNet.Juliaup;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Julia;

/// <summary>
/// Chooses the Julia executable (docs/julia-net.md, "Which Julia"): <c>--julia</c>, else
/// <c>JULIA_NET_JULIA</c>, else the user config's <c>julia</c>, else a juliaup channel asked for
/// (<c>+CHANNEL</c>, else <c>JULIAUP_CHANNEL</c>), else the Julia recorded in the image's
/// metadata, else <c>julia</c> on PATH. Wherever the choice lands on juliaup's launcher, the
/// channel is resolved from juliaup's configuration as juliaup would (+CHANNEL, JULIAUP_CHANNEL,
/// override, default) and the launcher is never run; a value <c>+CHANNEL</c> of <c>--julia</c>,
/// <c>JULIA_NET_JULIA</c> or the config names a channel too. Never julia-net itself, which may
/// be installed as <c>julia</c>.
/// </summary>
public static class JuliaLocator
{
    /// <param name="fromConfig">The user config's julia, asked for only when neither the option nor the variable is set.</param>
    /// <param name="channel">The channel of a <c>+CHANNEL</c> argument.</param>
    public static JuliaChoice Locate(ProcessFacts process, string? fromOption, Func<string?> fromConfig, string? recordedInImage, IFileProbe fs, string? channel = null)
    {
        if (fromOption is not null)
        {
            return Named(process, fromOption, JuliaSource.Option, "--julia", channel, fs);
        }

        if (process.Env(EnvironmentVariables.Julia) is { } fromEnv)
        {
            return Named(process, fromEnv, JuliaSource.Environment, EnvironmentVariables.Julia, channel, fs);
        }

        if (fromConfig() is { } configured)
        {
            return Named(process, configured, JuliaSource.ConfigFile, "the config file " + UserConfig.PathFor(process), channel, fs);
        }

        if (JuliaupChannelChooser.Requested(process, channel) is { } requested)
        {
            return ThroughJuliaup(process, requested, fs);
        }

        if (recordedInImage is not null)
        {
            return Found(process, Check(recordedInImage, "the image's metadata", process, fs), JuliaSource.ImageMetadata, fs);
        }

        var onPath = ExecutableSearch.Find(process, JuliaExeName(process.Platform), fs, candidate => !IsSelf(candidate, process, fs))
            ?? throw new UserError(ExitCode.JuliaNotFound, $"no julia found on PATH (install Julia, or pass --julia PATH or set {EnvironmentVariables.Julia})");
        return Found(process, onPath, JuliaSource.Path, fs);
    }

    /// <summary>
    /// The value to save as the config file's <c>julia</c> (the wrapper's <c>--julia</c>),
    /// checked: a <c>+CHANNEL</c> as it is (resolved at every launch), else the executable it names,
    /// juliaup's launcher included (so that juliaup's channels apply at every launch).
    /// </summary>
    public static string ForConfig(ProcessFacts process, string value, IFileProbe fs)
    {
        if (ChannelOf(value) is not null)
        {
            _ = Named(process, value, JuliaSource.Option, "--julia", null, fs);
            return value;
        }

        return Check(Resolve(process, value, fs), "--julia", process, fs);
    }

    public static string JuliaExeName(Platform platform) => platform == Platform.Windows ? "julia.exe" : "julia";

    /// <summary>A Julia named by --julia, JULIA_NET_JULIA or the config file: a path, a name on PATH, or +CHANNEL.</summary>
    private static JuliaChoice Named(ProcessFacts process, string value, JuliaSource source, string from, string? channelArgument, IFileProbe fs)
    {
        if (ChannelOf(value) is { } channel)
        {
            NoChannelArgument(channelArgument, $"{from} asks for juliaup channel {channel}");
            return ThroughJuliaup(process, new JuliaupChannelRequest(channel, source, $"{from} {value}"), fs);
        }

        var path = Check(Resolve(process, value, fs), from, process, fs);
        if (JuliaupHome.IsLauncher(path, fs))
        {
            return ThroughJuliaup(process, JuliaupChannelChooser.Requested(process, channelArgument), path, from, fs);
        }

        NoChannelArgument(channelArgument, $"the Julia is {path} (from {from})");
        return new JuliaChoice(path, source);
    }

    /// <summary>+CHANNEL given where a higher source already decided: a contradiction, not a choice to make silently.</summary>
    private static void NoChannelArgument(string? channelArgument, string decided)
    {
        if (channelArgument is not null)
        {
            throw new UserError(ExitCode.Usage, $"+{channelArgument} asks for a juliaup channel, but {decided}; give one or the other");
        }
    }

    /// <summary>A Julia found in the image's metadata or on PATH; when it is juliaup's launcher, juliaup's override or default channel.</summary>
    private static JuliaChoice Found(ProcessFacts process, string path, JuliaSource source, IFileProbe fs) =>
        JuliaupHome.IsLauncher(path, fs)
            ? ThroughJuliaup(process, null, path, source == JuliaSource.Path ? "julia on PATH" : "the image's metadata", fs)
            : new JuliaChoice(path, source);

    /// <summary>juliaup's launcher was named or found: the channel juliaup would choose (a request, else the override, else the default).</summary>
    private static JuliaChoice ThroughJuliaup(ProcessFacts process, JuliaupChannelRequest? requested, string launcher, string from, IFileProbe fs)
    {
        if (requested is not null)
        {
            return ThroughJuliaup(process, requested, fs);
        }

        var config = JuliaupHome.Load(process, fs)
            ?? throw new UserError(
                ExitCode.JuliaNotFound,
                $"{launcher} (from {from}) is juliaup's launcher, and juliaup has no configuration at {JuliaupHome.ConfigFile(process)}: run it once to set juliaup up, or pass --julia PATH");
        var configured = JuliaupChannelChooser.Configured(process, config, fs)
            ?? throw new UserError(
                ExitCode.JuliaNotFound,
                $"{launcher} (from {from}) is juliaup's launcher, and juliaup has no default channel in {config.File}: set one with juliaup default CHANNEL");
        return Resolve(process, config, configured, fs);
    }

    private static JuliaChoice ThroughJuliaup(ProcessFacts process, JuliaupChannelRequest request, IFileProbe fs)
    {
        if (request.Channel.Length == 0)
        {
            throw new UserError(ExitCode.Usage, $"an empty juliaup channel name (from {request.From})");
        }

        var config = JuliaupHome.Load(process, fs)
            ?? throw new UserError(
                ExitCode.JuliaNotFound,
                $"juliaup channel {request.Channel} (from {request.From}): juliaup has no configuration at {JuliaupHome.ConfigFile(process)} (install juliaup, or set {EnvironmentVariables.JuliaupDepotPath})");
        return Resolve(process, config, request, fs);
    }

    private static JuliaChoice Resolve(ProcessFacts process, JuliaupConfig config, JuliaupChannelRequest request, IFileProbe fs)
    {
        var resolution = JuliaupResolver.Resolve(config, request, JuliaExeName(process.Platform), fs);
        var from = $"juliaup channel {request.Channel}, from {request.From}";
        var path = Check(Resolve(process, resolution.Command, fs, from), from, process, fs);
        if (JuliaupHome.IsLauncher(path, fs))
        {
            throw new UserError(ExitCode.JuliaNotUsable, $"julia {path} (from {from}) is juliaup's launcher itself; link the channel to a Julia binary");
        }

        return new JuliaChoice(path, request.Source, resolution);
    }

    /// <summary>The channel of a value <c>+CHANNEL</c>; null for a path or a name.</summary>
    private static string? ChannelOf(string value) => value.StartsWith('+') ? value[1..] : null;

    /// <summary>A bare name is looked up on PATH; anything with a directory is made absolute.</summary>
    private static string Resolve(ProcessFacts process, string value, IFileProbe fs, string? from = null)
    {
        if (value.Contains('/', StringComparison.Ordinal) || (process.Platform == Platform.Windows && value.Contains('\\', StringComparison.Ordinal)))
        {
            return Path.GetFullPath(value, process.WorkingDirectory);
        }

        return ExecutableSearch.Find(process, value, fs, candidate => !IsSelf(candidate, process, fs))
            ?? throw new UserError(ExitCode.JuliaNotFound, $"julia not found: no {value} on PATH" + (from is null ? "" : $" (from {from})"));
    }

    private static string Check(string path, string source, ProcessFacts process, IFileProbe fs)
    {
        switch (fs.Kind(path))
        {
            case PathKind.Missing:
                throw new UserError(ExitCode.JuliaNotFound, $"julia not found: {path} (from {source})");
            case PathKind.Directory:
                throw new UserError(ExitCode.JuliaNotUsable, $"julia is a directory, not an executable: {path} (from {source})");
        }

        if (!fs.IsExecutable(path))
        {
            throw new UserError(ExitCode.JuliaNotUsable, $"julia is not executable: {path} (from {source})");
        }

        if (IsSelf(path, process, fs))
        {
            throw new UserError(ExitCode.JuliaNotUsable, $"julia {path} (from {source}) is julia-net itself; give the real Julia executable");
        }

        return path;
    }

    /// <summary>
    /// julia-net's own binary, or (Windows) a julia-net wrapper: a julia.exe with a
    /// <see cref="WrapperMarker"/> beside it, which is a copy of julia-net, not a link to it.
    /// </summary>
    private static bool IsSelf(string candidate, ProcessFacts process, IFileProbe fs)
    {
        var real = fs.RealPath(candidate);
        return process.SelfRealPaths.Contains(real, StringComparer.Ordinal)
            || (process.Platform == Platform.Windows && WrapperMarker.IsBeside(candidate, fs));
    }
}
