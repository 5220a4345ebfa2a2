namespace JuliaNet.Juliaup;

/// <summary>
/// What julia-net reads of juliaup's configuration file, <c>juliaup.json</c>: the parts of
/// juliaup's <c>JuliaupConfig</c> (src/config_file.rs) that decide which Julia a channel runs.
/// Settings, the last version-database update and the version database itself are not read.
/// </summary>
/// <param name="File">The absolute path of <c>juliaup.json</c>.</param>
/// <param name="Default">The default channel (<c>juliaup default</c>), if any.</param>
/// <param name="InstalledVersions">The Julia versions juliaup installed, by full version (<c>1.10.4+0.x64.linux.gnu</c>).</param>
/// <param name="InstalledChannels">The channels, by name (<c>release</c>, <c>1.10</c>, a linked or alias name).</param>
/// <param name="Overrides">Directory overrides (<c>juliaup override set</c>), in the file's order.</param>
public sealed record JuliaupConfig(
    string File,
    string? Default,
    IReadOnlyDictionary<string, JuliaupVersion> InstalledVersions,
    IReadOnlyDictionary<string, JuliaupChannel> InstalledChannels,
    IReadOnlyList<JuliaupOverride> Overrides)
{
    /// <summary>juliaup's directory, which the relative paths in the file are relative to.</summary>
    public string Directory => Path.GetDirectoryName(File)!;

    /// <summary>The installed channel names, sorted, for messages.</summary>
    public string ChannelList =>
        InstalledChannels.Count == 0 ? "(none)" : string.Join(", ", InstalledChannels.Keys.Order(StringComparer.Ordinal));
}

/// <summary>One entry of <c>InstalledVersions</c>.</summary>
/// <param name="Path">The version's directory, relative to juliaup's directory (<c>./julia-1.10.4+0.x64.linux.gnu</c>).</param>
/// <param name="BinaryPath">The Julia binary, relative to juliaup's directory, when juliaup recorded it (newer juliaup); else <c>bin/julia</c> inside <paramref name="Path"/>.</param>
public sealed record JuliaupVersion(string Path, string? BinaryPath);

/// <summary>One entry of <c>Overrides</c>: a directory (canonical, as <c>juliaup override set</c> stores it) and its channel.</summary>
public sealed record JuliaupOverride(string Path, string Channel);
