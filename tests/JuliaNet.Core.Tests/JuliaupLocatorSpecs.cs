using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

/// <summary>Which Julia, when juliaup is installed: the precedence of julia-net's sources and juliaup's.</summary>
public sealed class JuliaupLocatorSpecs
{
    private const string Plain = "/usr/bin/julia";
    private const string Recorded = "/opt/recorded-julia/bin/julia";
    private const string JuliaupFirst = JuliaupFiles.BinDir + ":/usr/bin";
    private const string Override = """[ { "Path": "/work/project", "Channel": "nightly" } ]""";

    private static readonly Func<string?> NoConfig = () => null;

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddExecutable(Contexts.LauncherRealPath)
        .AddExecutable(Plain)
        .AddExecutable(Recorded)
        .AddJuliaup();

    private static ProcessFacts Context(string path, params (string Name, string Value)[] env) => Contexts.Linux([("PATH", path), .. env]);

    private JuliaChoice Locate(ProcessFacts process, string? option = null, string? channel = null, string? recorded = null, string? config = null) =>
        JuliaLocator.Locate(process, option, () => config, recorded, fs, channel);

    private UserError Fails(ProcessFacts process, string? option = null, string? channel = null, string? recorded = null, string? config = null) =>
        Assert.Throws<UserError>(() => Locate(process, option, channel, recorded, config));

    [Fact]
    public void Locate_JuliaupLauncherFirstOnPath_RunsTheDefaultChannelsJulia()
    {
        var choice = Locate(Context(JuliaupFirst));

        Assert.Equal(JuliaupFiles.Release, choice.Path);
        Assert.Equal(JuliaSource.JuliaupDefault, choice.Source);
        Assert.Equal(("release", JuliaupFiles.ConfigFile), (choice.Juliaup?.Channel, choice.Juliaup?.ConfigFile));
        Assert.Empty(choice.Args);
    }

    [Fact]
    public void Locate_PlainJuliaFirstOnPath_IsRunAndJuliaupJsonIsNotRead()
    {
        fs.AddTextFile(JuliaupFiles.ConfigFile, "{ not json");

        var choice = Locate(Context("/usr/bin:" + JuliaupFiles.BinDir));

        Assert.Equal((Plain, JuliaSource.Path, null), (choice.Path, choice.Source, choice.Juliaup));
    }

    [Fact]
    public void Locate_JuliaNetFirstOnPathThenJuliaup_SkipsItselfAndResolvesTheChannel()
    {
        fs.AddSymlink("/home/alice/.local/bin/julia", Contexts.LauncherRealPath);

        var choice = Locate(Context("/home/alice/.local/bin:" + JuliaupFirst), channel: "1.10");

        Assert.Equal((JuliaupFiles.Lts, JuliaSource.ChannelArgument), (choice.Path, choice.Source));
    }

    public static TheoryData<string, string?, string?, string?, string, JuliaSource> Precedence => new()
    {
        // +CHANNEL, JULIAUP_CHANNEL, image metadata, override, default
        { JuliaupFirst, "1.10", "nightly", Recorded, JuliaupFiles.Lts, JuliaSource.ChannelArgument },
        { JuliaupFirst, null, "nightly", Recorded, JuliaupFiles.Nightly, JuliaSource.JuliaupChannelVariable },
        { JuliaupFirst, null, null, Recorded, Recorded, JuliaSource.ImageMetadata },
        { JuliaupFirst, null, null, null, JuliaupFiles.Nightly, JuliaSource.JuliaupOverride },
        // +CHANNEL and JULIAUP_CHANNEL apply when the julia on PATH is not juliaup's, too
        { "/usr/bin", "1.10", null, null, JuliaupFiles.Lts, JuliaSource.ChannelArgument },
        { "/usr/bin", null, "1.10", Recorded, JuliaupFiles.Lts, JuliaSource.JuliaupChannelVariable },
        { "/usr/bin", null, null, null, Plain, JuliaSource.Path },
    };

    [Theory]
    [MemberData(nameof(Precedence))]
    public void Locate_NoExplicitJulia_ChannelArgumentThenVariableThenMetadataThenOverrideThenDefault(
        string path, string? channel, string? variable, string? recorded, string expected, JuliaSource source)
    {
        fs.AddTextFile(JuliaupFiles.ConfigFile, JuliaupFiles.Json(overrides: Override));
        var context = variable is null ? Context(path) : Context(path, (EnvironmentVariables.JuliaupChannel, variable));

        var choice = Locate(context, channel: channel, recorded: recorded);

        Assert.Equal((expected, source), (choice.Path, choice.Source));
    }

    public enum Explicit
    {
        Option,
        Environment,
        Config,
    }

    private JuliaChoice LocateWith(Explicit how, string value, string? channel = null, params (string Name, string Value)[] env)
    {
        var context = how == Explicit.Environment ? Context(JuliaupFirst, [(EnvironmentVariables.Julia, value), .. env]) : Context(JuliaupFirst, env);
        return Locate(context, how == Explicit.Option ? value : null, channel, Recorded, how == Explicit.Config ? value : null);
    }

    [Theory]
    [InlineData(Explicit.Option, JuliaSource.Option)]
    [InlineData(Explicit.Environment, JuliaSource.Environment)]
    [InlineData(Explicit.Config, JuliaSource.ConfigFile)]
    public void Locate_ExplicitJulia_WinsOverJuliaupChannelAndMetadata(Explicit how, JuliaSource source)
    {
        var choice = LocateWith(how, Plain, null, (EnvironmentVariables.JuliaupChannel, "1.10"));

        Assert.Equal((Plain, source, null), (choice.Path, choice.Source, choice.Juliaup));
    }

    [Theory]
    [InlineData(Explicit.Option, "--julia")]
    [InlineData(Explicit.Environment, "JULIA_NET_JULIA")]
    [InlineData(Explicit.Config, "the config file /home/alice/.config/julia-net/config.json")]
    public void Locate_ExplicitJuliaAndChannelArgument_ThrowsUsageNamingBoth(Explicit how, string from)
    {
        var error = Assert.Throws<UserError>(() => LocateWith(how, Plain, "1.10"));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Equal($"+1.10 asks for a juliaup channel, but the Julia is {Plain} (from {from}); give one or the other", error.Message);
    }

    [Theory]
    [InlineData(Explicit.Option, JuliaSource.Option)]
    [InlineData(Explicit.Environment, JuliaSource.Environment)]
    [InlineData(Explicit.Config, JuliaSource.ConfigFile)]
    public void Locate_ExplicitPlusChannel_RunsThatChannelFromThatSource(Explicit how, JuliaSource source)
    {
        var choice = LocateWith(how, "+lts", null, (EnvironmentVariables.JuliaupChannel, "nightly"));

        Assert.Equal((JuliaupFiles.Lts, source, "lts"), (choice.Path, choice.Source, choice.Juliaup?.Channel));
        Assert.Equal(["--history-file=no"], choice.Args);
    }

    [Fact]
    public void Locate_ExplicitPlusChannelAndChannelArgument_ThrowsUsage()
    {
        var error = Assert.Throws<UserError>(() => LocateWith(Explicit.Option, "+lts", "1.10"));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Equal("+1.10 asks for a juliaup channel, but --julia asks for juliaup channel lts; give one or the other", error.Message);
    }

    [Theory]
    [InlineData(Explicit.Option)]
    [InlineData(Explicit.Environment)]
    [InlineData(Explicit.Config)]
    public void Locate_ExplicitJuliaIsJuliaupsLauncher_ResolvesTheChannelJuliaupWould(Explicit how)
    {
        Assert.Equal((JuliaupFiles.Release, JuliaSource.JuliaupDefault), Pair(LocateWith(how, JuliaupFiles.Launcher)));
        Assert.Equal((JuliaupFiles.Nightly, JuliaSource.JuliaupChannelVariable), Pair(LocateWith(how, JuliaupFiles.Launcher, null, (EnvironmentVariables.JuliaupChannel, "nightly"))));
        Assert.Equal((JuliaupFiles.Lts, JuliaSource.ChannelArgument), Pair(LocateWith(how, JuliaupFiles.Launcher, "1.10", (EnvironmentVariables.JuliaupChannel, "nightly"))));

        static (string, JuliaSource) Pair(JuliaChoice choice) => (choice.Path, choice.Source);
    }

    [Fact]
    public void Locate_BareJuliaNameFindingJuliaupsLauncher_ResolvesTheChannel()
    {
        var choice = Locate(Context(JuliaupFirst), option: "julia", channel: "dev");

        Assert.Equal((JuliaupFiles.Dev, JuliaSource.ChannelArgument), (choice.Path, choice.Source));
        Assert.Equal(["--startup-file=no", "-t", "2"], choice.Args);
    }

    [Fact]
    public void Locate_ImageMetadataNamesJuliaupsLauncher_ResolvesTheDefaultChannel()
    {
        var choice = Locate(Context("/usr/bin"), recorded: JuliaupFiles.Launcher);

        Assert.Equal((JuliaupFiles.Release, JuliaSource.JuliaupDefault), (choice.Path, choice.Source));
    }

    [Fact]
    public void Locate_JuliaupDepotPath_ReadsJuliaupJsonThere()
    {
        fs.AddTextFile("/data/juliaup/juliaup.json", JuliaupFiles.Json("nightly").Replace("./julia", JuliaupFiles.Dir + "/julia", StringComparison.Ordinal));

        var choice = Locate(Context(JuliaupFirst, (EnvironmentVariables.JuliaupDepotPath, "/data")));

        Assert.Equal((JuliaupFiles.Nightly, "/data/juliaup/juliaup.json"), (choice.Path, choice.Juliaup?.ConfigFile));
    }

    [Fact]
    public void Locate_LinkedChannelByBareName_IsLookedUpOnPathSkippingJuliaNet()
    {
        fs.AddSymlink("/home/alice/.local/bin/julia", Contexts.LauncherRealPath);
        fs.AddTextFile(JuliaupFiles.ConfigFile, """{ "Default": "sys", "InstalledVersions": {}, "InstalledChannels": { "sys": { "Command": "julia" } } }""");

        var choice = Locate(Context("/home/alice/.local/bin:/usr/bin"), channel: "sys");

        Assert.Equal(Plain, choice.Path);
    }

    [Fact]
    public void Locate_LinkedChannelToJuliaupsLauncher_ThrowsJuliaNotUsable()
    {
        fs.AddTextFile(JuliaupFiles.ConfigFile, $$"""{ "InstalledVersions": {}, "InstalledChannels": { "loop": { "Command": "{{JuliaupFiles.Launcher}}" } } }""");

        var error = Fails(Context("/usr/bin"), channel: "loop");

        Assert.Equal(ExitCode.JuliaNotUsable, error.ExitCode);
        Assert.Contains("is juliaup's launcher itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_LinkedChannelCommandMissing_ThrowsJuliaNotFoundNamingTheChannel()
    {
        fs.AddTextFile(JuliaupFiles.ConfigFile, """{ "InstalledVersions": {}, "InstalledChannels": { "gone": { "Command": "/opt/gone/julia" } } }""");

        var error = Fails(Context("/usr/bin", (EnvironmentVariables.JuliaupChannel, "gone")));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        Assert.Equal("julia not found: /opt/gone/julia (from juliaup channel gone, from JULIAUP_CHANNEL=gone)", error.Message);
    }

    public static TheoryData<string, string?, string?, string> UnknownChannelSources => new()
    {
        { "[]", "9.9", null, "(from +9.9)" },
        { "[]", null, "9.9", "(from JULIAUP_CHANNEL=9.9)" },
        { """[ { "Path": "/work", "Channel": "9.9" } ]""", null, null, "(from juliaup's override for /work)" },
    };

    [Theory]
    [MemberData(nameof(UnknownChannelSources))]
    public void Locate_UnknownChannel_ThrowsJuliaNotFoundNamingTheSource(string overrides, string? channel, string? variable, string from)
    {
        fs.AddTextFile(JuliaupFiles.ConfigFile, JuliaupFiles.Json(overrides: overrides));
        var context = variable is null ? Context(JuliaupFirst) : Context(JuliaupFirst, (EnvironmentVariables.JuliaupChannel, variable));

        var error = Fails(context, channel: channel);

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        Assert.Equal($"juliaup channel 9.9 is not installed {from}; installed channels: 1.10, dev, lts, nightly, release; to install it: juliaup add 9.9", error.Message);
    }

    [Fact]
    public void Locate_DefaultChannelNotInstalled_ThrowsJuliaNotFoundNamingTheDefault()
    {
        fs.AddTextFile(JuliaupFiles.ConfigFile, JuliaupFiles.Json("1.6"));

        var error = Fails(Context(JuliaupFirst));

        Assert.Contains("juliaup channel 1.6 is not installed (from juliaup's default channel)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_JuliaupLauncherOnPathWithoutJuliaupJson_ThrowsJuliaNotFound()
    {
        var error = Assert.Throws<UserError>(() => JuliaLocator.Locate(Context(JuliaupFirst), null, NoConfig, null, new FakeFileSystem().AddExecutable(JuliaupFiles.LauncherBinary).AddSymlink(JuliaupFiles.Launcher, JuliaupFiles.LauncherBinary)));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        Assert.Equal(
            $"{JuliaupFiles.Launcher} (from julia on PATH) is juliaup's launcher, and juliaup has no configuration at {JuliaupFiles.ConfigFile}: run it once to set juliaup up, or pass --julia PATH",
            error.Message);
    }

    [Fact]
    public void Locate_ChannelArgumentWithoutJuliaupJson_ThrowsJuliaNotFound()
    {
        var error = Assert.Throws<UserError>(() => JuliaLocator.Locate(Context("/usr/bin"), null, NoConfig, null, new FakeFileSystem().AddExecutable(Plain), "1.10"));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        Assert.Equal($"juliaup channel 1.10 (from +1.10): juliaup has no configuration at {JuliaupFiles.ConfigFile} (install juliaup, or set JULIAUP_DEPOT_PATH)", error.Message);
    }

    [Fact]
    public void Locate_NoDefaultChannelAndNoOverride_ThrowsJuliaNotFound()
    {
        fs.AddTextFile(JuliaupFiles.ConfigFile, JuliaupFiles.Json(null));

        var error = Fails(Context(JuliaupFirst));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        Assert.EndsWith("juliaup has no default channel in /home/alice/.julia/juliaup/juliaup.json: set one with juliaup default CHANNEL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_CorruptJuliaupJson_ThrowsJuliaupConfigInvalid()
    {
        fs.AddTextFile(JuliaupFiles.ConfigFile, """{ "Default": "release", "InstalledVersions": {""");

        var error = Fails(Context(JuliaupFirst));

        Assert.Equal(ExitCode.JuliaupConfigInvalid, error.ExitCode);
    }

    [Theory]
    [InlineData("+")]
    public void Locate_EmptyChannelName_ThrowsUsage(string value)
    {
        var error = Fails(Context(JuliaupFirst), option: value);

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Equal("an empty juliaup channel name (from --julia +)", error.Message);
    }

    [Fact]
    public void ForConfig_PlusChannel_IsKeptAsWrittenOnceItResolves()
    {
        Assert.Equal("+lts", JuliaLocator.ForConfig(Context(JuliaupFirst), "+lts", fs));
        Assert.Equal(ExitCode.JuliaNotFound, Assert.Throws<UserError>(() => JuliaLocator.ForConfig(Context(JuliaupFirst), "+9.9", fs)).ExitCode);
    }

    [Fact]
    public void ForConfig_JuliaupsLauncher_IsKeptSoThatItsChannelsApplyAtEveryLaunch()
    {
        Assert.Equal(JuliaupFiles.Launcher, JuliaLocator.ForConfig(Context(JuliaupFirst), "julia", fs));
    }
}
