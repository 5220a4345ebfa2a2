using System.Text.Json;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// A juliaup installation in a home of its own, laid out as juliaup lays it out, every channel
/// pointing at the real julia under a distinct path: <c>~/.juliaup/bin/julia -> julialauncher</c>
/// (a stand-in that leaves a marker and exits 97: it must never run), and in
/// <c>~/.julia/juliaup/</c> a <c>juliaup.json</c> in the format juliaup writes, with two installed
/// versions (<c>bin/julia</c> a symlink to the real julia), a linked channel with Args and an alias.
/// Every command run through the scene checks afterwards that juliaup's launcher did not run.
/// </summary>
public sealed class JuliaupScene
{
    /// <summary>In an InlineData of a channel name: the scene's <see cref="MinorChannel"/>.</summary>
    public const string MinorChannelToken = "{minor}";

    public JuliaupScene(Tools tools)
    {
        Tools = tools;
        ReleaseVersion = tools.JuliaVersion + "+0.x64.linux.gnu";
        OtherVersion = tools.JuliaVersion + "+1.x64.linux.gnu";
        MinorChannel = JuliaUnderTest.MajorMinor(tools.JuliaVersion);
        Home = tools.NewDir("juliaup-home");
        BinDir = Directory.CreateDirectory(Path.Combine(Home, ".juliaup", "bin")).FullName;
        Marker = Path.Combine(Home, "julialauncher-ran");
        var launcher = Path.Combine(BinDir, "julialauncher");
        File.WriteAllText(launcher, $"#!/bin/sh\necho \"$0 $*\" >> '{Marker}'\necho 'juliaup launcher ran' >&2\nexit 97\n");
        File.SetUnixFileMode(launcher, (UnixFileMode)Convert.ToInt32("755", 8));
        File.CreateSymbolicLink(Path.Combine(BinDir, "julia"), "julialauncher");
        Dir = Directory.CreateDirectory(Path.Combine(Home, ".julia", "juliaup")).FullName;
        Release = InstalledVersion(ReleaseVersion);
        Other = InstalledVersion(OtherVersion);
        Linked = Path.Combine(Directory.CreateDirectory(Path.Combine(Home, "opt", "julia-linked", "bin")).FullName, "julia");
        File.CreateSymbolicLink(Linked, tools.Julia);
        WriteConfig(Json());
    }

    public Tools Tools { get; }

    /// <summary>juliaup's name of the installed version of channel <c>release</c>: the Julia under test's version, as juliaup spells it.</summary>
    public string ReleaseVersion { get; }

    /// <summary>Another installed version (a second build of the same release).</summary>
    public string OtherVersion { get; }

    /// <summary>The channel named for the release's MAJOR.MINOR (e.g. <c>1.10</c>), same binary as <c>release</c>.</summary>
    public string MinorChannel { get; }

    /// <summary>A channel name of a test's data, with <see cref="MinorChannelToken"/> replaced.</summary>
    public string Channel(string name) => name == MinorChannelToken ? MinorChannel : name;

    public string Home { get; }

    /// <summary><c>~/.juliaup/bin</c>, holding <c>julia -> julialauncher</c>.</summary>
    public string BinDir { get; }

    public string Launcher => Path.Combine(BinDir, "julia");

    /// <summary>juliaup's directory, <c>~/.julia/juliaup</c>.</summary>
    public string Dir { get; }

    public string ConfigFile => Path.Combine(Dir, "juliaup.json");

    /// <summary>The file juliaup's launcher stand-in writes if it ever runs.</summary>
    public string Marker { get; }

    /// <summary>The binary of channel <c>release</c> (also <see cref="MinorChannel"/>): <c>julia-VERSION+0.x64.linux.gnu/bin/julia</c>.</summary>
    public string Release { get; }

    /// <summary>The binary of channel <c>other</c>: <c>julia-VERSION+1.x64.linux.gnu/bin/julia</c>.</summary>
    public string Other { get; }

    /// <summary>The command of the linked channel <c>linked</c> (Args <c>-O1</c>).</summary>
    public string Linked { get; }

    /// <summary>
    /// juliaup.json as juliaup writes it (serde_json, pretty): <c>release</c> and <see cref="MinorChannel"/> (one
    /// version), <c>other</c> (another), <c>linked</c> (Command and Args), <c>alias</c> (of
    /// <c>other</c>, with Args).
    /// </summary>
    public string Json(string? defaultChannel = "release", string overrides = "[]") => $$"""
        {
          "Default": {{(defaultChannel is null ? "null" : JsonSerializer.Serialize(defaultChannel))}},
          "InstalledVersions": {
            "{{ReleaseVersion}}": {
              "Path": "./julia-{{ReleaseVersion}}"
            },
            "{{OtherVersion}}": {
              "Path": "./julia-{{OtherVersion}}"
            }
          },
          "InstalledChannels": {
            "release": {
              "Version": "{{ReleaseVersion}}"
            },
            "{{MinorChannel}}": {
              "Version": "{{ReleaseVersion}}"
            },
            "other": {
              "Version": "{{OtherVersion}}"
            },
            "linked": {
              "Command": {{JsonSerializer.Serialize(Linked)}},
              "Args": [
                "-O1"
              ]
            },
            "alias": {
              "Target": "other",
              "Args": [
                "-O0"
              ]
            }
          },
          "Settings": {},
          "Overrides": {{overrides}},
          "LastVersionDbUpdate": "2024-11-02T10:11:12.345678Z"
        }
        """;

    /// <summary>Replaces juliaup.json as juliaup does: a new file renamed over the old one.</summary>
    public void WriteConfig(string json)
    {
        var temp = ConfigFile + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, ConfigFile, overwrite: true);
    }

    /// <summary>HOME in the scene, juliaup's <c>bin</c> first on PATH, and <paramref name="extra"/>.</summary>
    public Dictionary<string, string?> Env(params (string Name, string? Value)[] extra)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["HOME"] = Home,
            ["PATH"] = $"{BinDir}:{System.Environment.GetEnvironmentVariable("PATH")}",
        };
        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }

        return env;
    }

    /// <summary>Runs a program in the scene's environment; fails if juliaup's launcher ran.</summary>
    public BufferedCommandResult Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, string? cwd = null)
    {
        var result = Tools.Run(program, args, env ?? Env(), cwd: cwd ?? Home);
        Assert.False(File.Exists(Marker), "juliaup's launcher ran: " + (File.Exists(Marker) ? File.ReadAllText(Marker) : ""));
        return result;
    }

    public BufferedCommandResult Launch(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, string? cwd = null) =>
        Run(Tools.Launcher, args, env, cwd);

    /// <summary><c>julia-net --julia-net-info ARGS</c>, which must succeed.</summary>
    public JsonElement Info(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, string? cwd = null)
    {
        var result = Launch(["--julia-net-info", .. args], env, cwd);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    private string InstalledVersion(string version)
    {
        var bin = Directory.CreateDirectory(Path.Combine(Dir, "julia-" + version, "bin")).FullName;
        var julia = Path.Combine(bin, "julia");
        File.CreateSymbolicLink(julia, Tools.Julia);
        return julia;
    }
}
