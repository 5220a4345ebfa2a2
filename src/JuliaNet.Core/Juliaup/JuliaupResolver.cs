using JuliaNet.Errors;
using JuliaNet.Paths;

namespace JuliaNet.Juliaup;

/// <summary>
/// Resolves a juliaup channel to the command juliaup's launcher would run, as
/// <c>get_julia_path_from_channel</c> and <c>get_julia_path_from_installed_channel</c> in
/// juliaup's src/bin/julialauncher.rs do, without running anything: an alias is followed once
/// to its target; a linked channel runs its <c>Command</c>; an installed version runs the
/// binary in its directory (<c>BinaryPath</c>, else <c>bin/julia</c> inside <c>Path</c>, both
/// relative to juliaup's directory, as <c>resolve_version_path</c> does). juliaup's launcher
/// would install a missing channel on request; julia-net names the juliaup command instead.
/// </summary>
public static class JuliaupResolver
{
    public static JuliaupResolution Resolve(JuliaupConfig config, JuliaupChannelRequest request, string juliaExeName, IFileProbe fs)
    {
        var channel = request.Channel;
        var entry = config.InstalledChannels.GetValueOrDefault(channel)
            ?? throw new UserError(
                ExitCode.JuliaNotFound,
                $"juliaup channel {channel} is not installed (from {request.From}); installed channels: {config.ChannelList}; to install it: juliaup add {channel}");
        List<string> args = [];
        if (entry is JuliaupAliasChannel alias)
        {
            args.AddRange(alias.Args);
            channel = alias.Target;
            entry = config.InstalledChannels.GetValueOrDefault(channel)
                ?? throw new UserError(
                    ExitCode.JuliaNotFound,
                    $"juliaup channel {request.Channel} (from {request.From}) is an alias of {channel}, which is not installed; installed channels: {config.ChannelList}; to install it: juliaup add {channel}");
        }

        var command = entry switch
        {
            JuliaupAliasChannel target => throw JuliaupConfigReader.Invalid(
                config.File, $"channel {request.Channel} is an alias of {channel}, itself an alias of {target.Target} (juliaup follows one alias, not two)"),
            JuliaupLinkedChannel linked => Linked(linked, args),
            JuliaupInstalledChannel installed => Installed(config, channel, request, installed.Version, juliaExeName, fs),
            JuliaupDownloadedChannel downloaded => VersionBinary(config, channel, request, downloaded.Version, new JuliaupVersion(downloaded.Path, downloaded.BinaryPath), juliaExeName, fs),
            _ => throw new InvalidOperationException("unknown kind of juliaup channel"),
        };
        return new JuliaupResolution(request.Channel, config.File, command, args);
    }

    private static string Linked(JuliaupLinkedChannel linked, List<string> args)
    {
        args.AddRange(linked.Args);
        return linked.Command;
    }

    private static string Installed(JuliaupConfig config, string channel, JuliaupChannelRequest request, string version, string juliaExeName, IFileProbe fs)
    {
        var installed = config.InstalledVersions.GetValueOrDefault(version)
            ?? throw new UserError(
                ExitCode.JuliaNotFound,
                $"juliaup channel {channel} (from {request.From}) points to Julia {version}, which juliaup has not installed; {Reinstall(channel)}");
        return VersionBinary(config, channel, request, version, installed, juliaExeName, fs);
    }

    private static string VersionBinary(JuliaupConfig config, string channel, JuliaupChannelRequest request, string version, JuliaupVersion installed, string juliaExeName, IFileProbe fs)
    {
        var directory = Path.GetFullPath(Path.Combine(config.Directory, installed.Path));
        var binary = installed.BinaryPath is { } relative
            ? Path.GetFullPath(Path.Combine(config.Directory, relative))
            : Path.Combine(directory, "bin", juliaExeName);
        var missing = fs.Kind(directory) != PathKind.Directory ? directory : fs.Kind(binary) == PathKind.Missing ? binary : null;
        return missing is null
            ? binary
            : throw new UserError(
                ExitCode.JuliaNotFound,
                $"Julia {version} of juliaup channel {channel} (from {request.From}) is missing: {missing} does not exist; {Reinstall(channel)}");
    }

    /// <summary>juliaup add refuses a channel that is already in the file, so the fix is remove, then add.</summary>
    private static string Reinstall(string channel) => $"reinstall it: juliaup remove {channel}, then juliaup add {channel}";
}
