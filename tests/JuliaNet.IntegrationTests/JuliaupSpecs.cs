using System.Text.Json;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// julia-net and julia-sysimage where juliaup is installed (issue 14): channels resolved from
/// juliaup.json (<see cref="JuliaupScene"/>), juliaup's launcher never run.
/// </summary>
[Collection(ToolsCollection.Name)]
public sealed class JuliaupSpecs(Tools tools)
{
    /// <summary>Prints the path Julia was started by (argv[0]) and its optimisation level (-O from a channel's Args).</summary>
    private static readonly string[] PrintArgv0 =
        ["-e", "print(split(read(\"/proc/self/cmdline\", String), '\\0')[1], \" \", Base.JLOptions().opt_level)"];

    private static (string Julia, string Source, string? Channel) Chosen(JsonElement info) =>
        (info.GetProperty("julia").GetString()!, info.GetProperty("juliaSource").GetString()!, info.GetProperty("juliaupChannel").GetString());

    [Fact]
    public void Info_JuliaupsLauncherFirstOnPath_ShowsTheDefaultChannelsBinary()
    {
        var juliaup = new JuliaupScene(tools);

        var info = juliaup.Info([]);

        Assert.Equal((juliaup.Release, "juliaup-default", "release"), Chosen(info));
        Assert.Equal(juliaup.ConfigFile, info.GetProperty("juliaupConfig").GetString());
        Assert.Equal(tools.JuliaVersion, info.GetProperty("juliaVersion").GetString());
        Assert.Equal(juliaup.Release, info.GetProperty("argv")[0].GetString());
    }

    [Fact]
    public void Info_PlainJulia_ReportsPathAndNoChannel()
    {
        var info = InfoJson.Read(tools, tools.Launcher);

        Assert.Equal((tools.Julia, "PATH", null), Chosen(info));
        Assert.Equal(JsonValueKind.Null, info.GetProperty("juliaupConfig").ValueKind);
    }

    [Theory]
    [InlineData("release", "Release", new string[0])]
    [InlineData(JuliaupScene.MinorChannelToken, "Release", new string[0])]
    [InlineData("other", "Other", new string[0])]
    [InlineData("linked", "Linked", new[] { "-O1" })]
    [InlineData("alias", "Other", new[] { "-O0" })]
    public void Info_EachKindOfChannel_ResolvesToItsBinaryAndPutsItsArgsFirst(string channel, string binary, string[] channelArgs)
    {
        var juliaup = new JuliaupScene(tools);
        var expected = binary switch { "Release" => juliaup.Release, "Other" => juliaup.Other, _ => juliaup.Linked };

        var info = juliaup.Info(["+" + juliaup.Channel(channel), "-e", "1"]);

        Assert.Equal((expected, "+channel", juliaup.Channel(channel)), Chosen(info));
        var argv = info.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToArray();
        Assert.Equal([expected, "-Cnative", "-J", tools.DefaultImage, .. channelArgs, "-e", "1"], argv);
    }

    [Theory]
    [InlineData("linked", "Linked", 1)]
    [InlineData("alias", "Other", 0)]
    [InlineData("release", "Release", 2)]
    public void Run_PlusChannel_RunsThatChannelsBinaryWithItsArgs(string channel, string binary, int optLevel)
    {
        var juliaup = new JuliaupScene(tools);
        var expected = binary switch { "Release" => juliaup.Release, "Other" => juliaup.Other, _ => juliaup.Linked };

        var result = juliaup.Launch(["+" + channel, .. PrintArgv0]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal($"{expected} {optLevel}", result.StandardOutput);
    }

    [Fact]
    public void Info_Precedence_ChannelArgumentThenVariableThenOverrideThenDefault()
    {
        var juliaup = new JuliaupScene(tools);
        var project = Directory.CreateDirectory(Path.Combine(juliaup.Home, "project", "src")).FullName;
        var projectRoot = Path.GetDirectoryName(project)!;
        juliaup.WriteConfig(juliaup.Json(overrides: $$"""[ { "Path": {{JsonSerializer.Serialize(juliaup.Home)}}, "Channel": "release" }, { "Path": {{JsonSerializer.Serialize(projectRoot)}}, "Channel": "linked" } ]"""));
        var variable = juliaup.Env(("JULIAUP_CHANNEL", "other"));

        Assert.Equal((juliaup.Release, "+channel", juliaup.MinorChannel), Chosen(juliaup.Info(["+" + juliaup.MinorChannel], variable, project)));
        Assert.Equal((juliaup.Other, "JULIAUP_CHANNEL", "other"), Chosen(juliaup.Info([], variable, project)));
        Assert.Equal((juliaup.Linked, "juliaup-override", "linked"), Chosen(juliaup.Info([], cwd: project)));
        Assert.Equal((juliaup.Release, "juliaup-override", "release"), Chosen(juliaup.Info([], cwd: juliaup.Home)));
        Assert.Equal((juliaup.Release, "juliaup-default", "release"), Chosen(juliaup.Info([], cwd: tools.Root)));
    }

    [Fact]
    public void Info_ExplicitJulia_WinsOverJuliaupChannelAndNamesItsSource()
    {
        var juliaup = new JuliaupScene(tools);
        var configHome = Directory.CreateDirectory(Path.Combine(juliaup.Home, "xdg", "julia-net")).Parent!.FullName;
        File.WriteAllText(Path.Combine(configHome, "julia-net", "config.json"), JsonSerializer.Serialize(new Dictionary<string, string> { ["julia"] = juliaup.Linked }));

        Assert.Equal((tools.Julia, "--julia", null), Chosen(juliaup.Info(["--julia", tools.Julia], juliaup.Env(("JULIAUP_CHANNEL", "other")))));
        Assert.Equal((tools.Julia, "JULIA_NET_JULIA", null), Chosen(juliaup.Info([], juliaup.Env(("JULIAUP_CHANNEL", "other"), ("JULIA_NET_JULIA", tools.Julia)))));
        Assert.Equal((juliaup.Linked, "config", null), Chosen(juliaup.Info([], juliaup.Env(("JULIAUP_CHANNEL", "other"), ("XDG_CONFIG_HOME", configHome)))));
        Assert.Equal((juliaup.Other, "--julia", "alias"), Chosen(juliaup.Info(["--julia", "+alias"])));
        Assert.Equal((juliaup.Other, "JULIA_NET_JULIA", "other"), Chosen(juliaup.Info([], juliaup.Env(("JULIA_NET_JULIA", "+other")))));
    }

    [Fact]
    public void Info_ExplicitJuliaIsJuliaupsLauncher_ResolvesTheChannelInstead()
    {
        var juliaup = new JuliaupScene(tools);

        Assert.Equal((juliaup.Release, "juliaup-default", "release"), Chosen(juliaup.Info(["--julia", juliaup.Launcher])));
        Assert.Equal((juliaup.Other, "+channel", "other"), Chosen(juliaup.Info(["+other"], juliaup.Env(("JULIA_NET_JULIA", "julia")))));
    }

    [Fact]
    public void Info_ImageMetadata_WinsOverJuliaupsDefaultButNotOverJuliaupChannel()
    {
        var juliaup = new JuliaupScene(tools);
        var image = Path.Combine(juliaup.Home, "app.so");
        File.CreateSymbolicLink(image, tools.DefaultImage);
        File.WriteAllText(image + ".json", JsonSerializer.Serialize(new Dictionary<string, string> { ["julia"] = juliaup.Linked, ["juliaVersion"] = tools.JuliaVersion }));

        Assert.Equal((juliaup.Linked, "image-metadata", null), Chosen(juliaup.Info(["-J", image])));
        Assert.Equal((juliaup.Other, "JULIAUP_CHANNEL", "other"), Chosen(juliaup.Info(["-J", image], juliaup.Env(("JULIAUP_CHANNEL", "other")))));
        Assert.Equal((juliaup.Release, "+channel", "release"), Chosen(juliaup.Info(["+release", "-J", image])));
    }

    [Fact]
    public void Info_SwitchingTheDefaultChannelBetweenLaunches_IsSeenByTheNextLaunch()
    {
        var juliaup = new JuliaupScene(tools);

        var before = juliaup.Info([]);
        juliaup.WriteConfig(juliaup.Json("other"));
        var after = juliaup.Info([]);
        var run = juliaup.Launch(PrintArgv0);

        Assert.Equal((juliaup.Release, "juliaup-default", "release"), Chosen(before));
        Assert.Equal((juliaup.Other, "juliaup-default", "other"), Chosen(after));
        Assert.Equal($"{juliaup.Other} 2", run.StandardOutput);
    }

    [Theory]
    [InlineData(new[] { "+nope" }, 67, "juliaup channel nope is not installed (from +nope); installed channels: {minor}, alias, linked, other, release; to install it: juliaup add nope")]
    [InlineData(new[] { "--julia", "/usr/bin/julia", "+other" }, 64, "+other asks for a juliaup channel, but the Julia is /usr/bin/julia (from --julia); give one or the other")]
    [InlineData(new[] { "+" }, 64, "+ needs a juliaup channel name (+CHANNEL, such as +release or +1.10)")]
    public void Launch_BadChannel_FailsWithOneLineAndItsExitCode(string[] args, int exitCode, string message)
    {
        var juliaup = new JuliaupScene(tools);

        var result = juliaup.Launch([.. args, "-e", "exit(3)"]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal($"julia-net: error: {message.Replace(JuliaupScene.MinorChannelToken, juliaup.MinorChannel, StringComparison.Ordinal)}\n", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public void Launch_CorruptJuliaupJson_FailsWithOneLineAndExit82()
    {
        var juliaup = new JuliaupScene(tools);
        juliaup.WriteConfig(juliaup.Json()[..200]);

        var result = juliaup.Launch(["-e", "exit(3)"]);

        Assert.Equal(82, result.ExitCode);
        Assert.StartsWith($"julia-net: error: juliaup's configuration {juliaup.ConfigFile} is invalid: not valid JSON: ", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Launch_VersionDirectoryMissing_FailsNamingJuliaupAdd()
    {
        var juliaup = new JuliaupScene(tools);
        var directory = Path.Combine(juliaup.Dir, "julia-" + juliaup.OtherVersion);
        Directory.Delete(directory, recursive: true);

        var result = juliaup.Launch(["-e", "exit(3)"], juliaup.Env(("JULIAUP_CHANNEL", "other")));

        Assert.Equal(67, result.ExitCode);
        Assert.Equal(
            $"julia-net: error: Julia {juliaup.OtherVersion} of juliaup channel other (from JULIAUP_CHANNEL=other) is missing: {directory} does not exist; reinstall it: juliaup remove other, then juliaup add other\n",
            result.StandardError);
    }

    [Fact]
    public void Wrapper_BeforeJuliaupsLauncherOnPath_KeepsJuliaPlusChannelWorking()
    {
        var juliaup = new JuliaupScene(tools);
        var wrapperDir = Path.Combine(juliaup.Home, ".local", "bin");
        var env = juliaup.Env(("PATH", $"{wrapperDir}:{juliaup.BinDir}:{System.Environment.GetEnvironmentVariable("PATH")}"));
        var install = juliaup.Launch(["--julia-net-install-wrapper", wrapperDir], env);
        Assert.True(install.ExitCode == 0, install.StandardError);

        var channel = juliaup.Run("/usr/bin/env", ["julia", "+linked", .. PrintArgv0], env);
        var byDefault = juliaup.Run("/usr/bin/env", ["julia", "-e", "print(ENV[\"JULIA_NET_LAUNCHER\"])"], env);

        Assert.True(channel.ExitCode == 0, channel.StandardError);
        Assert.Equal($"{juliaup.Linked} 1", channel.StandardOutput);
        Assert.Equal(Path.Combine(wrapperDir, "julia"), byDefault.StandardOutput);
    }

    [Fact]
    public void Sysimage_JuliaPlusChannel_BuildsWithTheChannelsBinary()
    {
        var juliaup = new JuliaupScene(tools);

        var log = FailedBuildLog(juliaup, ["--julia", "+alias"]);

        Assert.Contains($"=== precompile: {juliaup.Other} ", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Sysimage_JuliaupsLauncherOnPath_BuildsWithTheDefaultChannelsBinary()
    {
        var juliaup = new JuliaupScene(tools);

        var log = FailedBuildLog(juliaup, []);

        Assert.Contains($"=== precompile: {juliaup.Release} ", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Sysimage_ChannelNotInstalled_FailsListingTheInstalledChannels()
    {
        var juliaup = new JuliaupScene(tools);
        var output = Path.Combine(tools.NewDir("juliaup-build"), "sys.so");

        var result = juliaup.Run(tools.Sysimage, [output], juliaup.Env(("JULIAUP_CHANNEL", "nope")));

        Assert.Equal(67, result.ExitCode);
        Assert.Equal(
            $"julia-sysimage: error: juliaup channel nope is not installed (from JULIAUP_CHANNEL=nope); installed channels: {juliaup.MinorChannel}, alias, linked, other, release; to install it: juliaup add nope\n",
            result.StandardError);
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!));
    }

    /// <summary>
    /// A build whose precompile script throws: it runs the precompile step, then fails at the
    /// second (exit 77, the build directory kept for its log), without building an image. The
    /// log names the julia each step ran.
    /// </summary>
    private string FailedBuildLog(JuliaupScene juliaup, string[] args)
    {
        var output = Path.Combine(tools.NewDir("juliaup-build"), "sys.so");
        var script = Path.Combine(juliaup.Home, "throws.jl");
        File.WriteAllText(script, "error(\"stop after the first step\")\n");
        var project = Directory.CreateDirectory(Path.Combine(juliaup.Home, "empty-project")).FullName;
        File.WriteAllText(Path.Combine(project, "Project.toml"), "name = \"Empty\"\nuuid = \"5b1e3c52-8f0d-4d8b-9a43-2f3a1d6e7c90\"\n");

        var result = juliaup.Run(tools.Sysimage, [.. args, "--project", project, "--script", script, "--quiet", output]);

        Assert.True(result.ExitCode == 77, result.StandardError);
        var log = File.ReadAllText(result.StandardError.Split("(log: ")[1].Split(')')[0]);
        Assert.DoesNotContain(juliaup.Launcher, log, StringComparison.Ordinal);
        Assert.False(File.Exists(output + ".json"));
        return log;
    }
}
