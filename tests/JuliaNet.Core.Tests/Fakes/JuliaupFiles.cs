namespace JuliaNet.Core.Tests.Fakes;

/// <summary>
/// A juliaup installation in the fake file system, laid out as juliaup lays it out under
/// <see cref="Contexts.Home"/>: its launcher (<c>~/.juliaup/bin/julia -> julialauncher</c>),
/// <c>~/.julia/juliaup/juliaup.json</c> in the format juliaup writes (serde_json, pretty), and
/// the Julia binaries of its channels.
/// </summary>
internal static class JuliaupFiles
{
    public const string Dir = Contexts.Home + "/.julia/juliaup";
    public const string ConfigFile = Dir + "/juliaup.json";
    public const string BinDir = Contexts.Home + "/.juliaup/bin";
    public const string Launcher = BinDir + "/julia";
    public const string LauncherBinary = BinDir + "/julialauncher";

    public const string Release = Dir + "/julia-1.11.1+0.x64.linux.gnu/bin/julia";
    public const string Lts = Dir + "/julia-1.10.4+0.x64.linux.gnu/bin/julia";
    public const string Nightly = Dir + "/julia-nightly/bin/julia";
    public const string Dev = Contexts.Home + "/src/julia/julia";

    /// <summary>The override directory of <see cref="Json"/>: the working directory of <see cref="Contexts"/>.</summary>
    public const string OverrideDir = Contexts.WorkingDirectory;

    /// <summary>
    /// Every kind of channel: release and 1.10 (installed versions, one with <c>BinaryPath</c>),
    /// nightly (a direct download), dev (linked, with Args), lts (an alias of 1.10, with Args).
    /// </summary>
    public static string Json(string? defaultChannel = "release", string overrides = "[]") => $$"""
        {
          "Default": {{(defaultChannel is null ? "null" : $"\"{defaultChannel}\"")}},
          "InstalledVersions": {
            "1.11.1+0.x64.linux.gnu": {
              "Path": "./julia-1.11.1+0.x64.linux.gnu",
              "BinaryPath": "./julia-1.11.1+0.x64.linux.gnu/bin/julia"
            },
            "1.10.4+0.x64.linux.gnu": {
              "Path": "./julia-1.10.4+0.x64.linux.gnu"
            }
          },
          "InstalledChannels": {
            "release": {
              "Version": "1.11.1+0.x64.linux.gnu"
            },
            "1.10": {
              "Version": "1.10.4+0.x64.linux.gnu"
            },
            "nightly": {
              "Path": "./julia-nightly",
              "Url": "https://julialangnightlies-s3.julialang.org/bin/linux/x86_64/julia-latest-linux-x86_64.tar.gz",
              "LocalETag": "\"0a1b2c\"",
              "ServerETag": "\"0a1b2c\"",
              "Version": "1.12.0-DEV"
            },
            "dev": {
              "Command": "{{Dev}}",
              "Args": ["--startup-file=no", "-t", "2"]
            },
            "lts": {
              "Target": "1.10",
              "Args": ["--history-file=no"]
            }
          },
          "Settings": {
            "VersionsDbUpdateInterval": 60
          },
          "Overrides": {{overrides}},
          "LastVersionDbUpdate": "2024-11-02T10:11:12.345678Z"
        }
        """;

    /// <summary>The launcher, the channels' binaries and their directories, and <paramref name="json"/> (default <see cref="Json"/>) as juliaup.json.</summary>
    public static FakeFileSystem AddJuliaup(this FakeFileSystem fs, string? json = null) =>
        fs.AddExecutable(LauncherBinary)
            .AddSymlink(Launcher, LauncherBinary)
            .AddDirectory(Dir)
            .AddDirectory(Dir + "/julia-1.11.1+0.x64.linux.gnu")
            .AddDirectory(Dir + "/julia-1.10.4+0.x64.linux.gnu")
            .AddDirectory(Dir + "/julia-nightly")
            .AddExecutable(Release)
            .AddExecutable(Lts)
            .AddExecutable(Nightly)
            .AddExecutable(Dev)
            .AddTextFile(ConfigFile, json ?? Json());
}
