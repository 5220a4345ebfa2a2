namespace JuliaNet.Juliaup;

/// <summary>
/// One entry of <c>InstalledChannels</c>: juliaup's untagged <c>JuliaupConfigChannel</c>
/// (src/config_file.rs), whose kind is told by the fields it has.
/// </summary>
public abstract record JuliaupChannel;

/// <summary>juliaup's <c>SystemChannel</c> (<c>{"Version": "1.10.4+0.x64.linux.gnu"}</c>): a version listed in <c>InstalledVersions</c>.</summary>
public sealed record JuliaupInstalledChannel(string Version) : JuliaupChannel;

/// <summary>juliaup's <c>DirectDownloadChannel</c> (nightly and pull-request builds): a directory of its own, relative to juliaup's directory.</summary>
public sealed record JuliaupDownloadedChannel(string Path, string Version, string? BinaryPath) : JuliaupChannel;

/// <summary>juliaup's <c>LinkedChannel</c> (<c>juliaup link NAME COMMAND ARGS...</c>): a command, and arguments put before the user's.</summary>
public sealed record JuliaupLinkedChannel(string Command, IReadOnlyList<string> Args) : JuliaupChannel;

/// <summary>juliaup's <c>AliasChannel</c> (<c>juliaup link NAME +TARGET</c>): another channel, and arguments put before the target's and the user's.</summary>
public sealed record JuliaupAliasChannel(string Target, IReadOnlyList<string> Args) : JuliaupChannel;
