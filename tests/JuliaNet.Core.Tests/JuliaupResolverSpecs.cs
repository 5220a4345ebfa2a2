using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Julia;
using JuliaNet.Juliaup;

namespace JuliaNet.Core.Tests;

public sealed class JuliaupResolverSpecs
{
    private readonly FakeFileSystem fs = new FakeFileSystem().AddJuliaup();

    private JuliaupResolution Resolve(string channel, string? json = null) =>
        JuliaupResolver.Resolve(JuliaupConfigReader.Parse(json ?? JuliaupFiles.Json(), JuliaupFiles.ConfigFile), new JuliaupChannelRequest(channel, JuliaSource.ChannelArgument, "+" + channel), "julia", fs);

    [Theory]
    [InlineData("1.10", JuliaupFiles.Lts)]
    [InlineData("release", JuliaupFiles.Release)]
    [InlineData("nightly", JuliaupFiles.Nightly)]
    public void Resolve_InstalledVersionOrDownload_IsTheBinaryInItsDirectoryWithNoArgs(string channel, string binary)
    {
        var resolution = Resolve(channel);

        Assert.Equal(binary, resolution.Command);
        Assert.Empty(resolution.Args);
        Assert.Equal((channel, JuliaupFiles.ConfigFile), (resolution.Channel, resolution.ConfigFile));
    }

    [Fact]
    public void Resolve_BinaryPathRecorded_IsTakenRelativeToJuliaupsDirectory()
    {
        fs.AddDirectory(JuliaupFiles.Dir + "/julia-1.11.1.app").AddExecutable(JuliaupFiles.Dir + "/julia-1.11.1.app/Contents/Resources/julia/bin/julia");
        const string json = """
            { "InstalledVersions": { "1.11.1": { "Path": "./julia-1.11.1.app", "BinaryPath": "./julia-1.11.1.app/Contents/Resources/julia/bin/julia" } },
              "InstalledChannels": { "release": { "Version": "1.11.1" } } }
            """;

        Assert.Equal(JuliaupFiles.Dir + "/julia-1.11.1.app/Contents/Resources/julia/bin/julia", Resolve("release", json).Command);
    }

    [Fact]
    public void Resolve_AbsoluteVersionPath_IsTakenAsItIs()
    {
        fs.AddDirectory("/opt/julia-1.9").AddExecutable("/opt/julia-1.9/bin/julia");
        const string json = """{ "InstalledVersions": { "1.9.4": { "Path": "/opt/julia-1.9" } }, "InstalledChannels": { "1.9": { "Version": "1.9.4" } } }""";

        Assert.Equal("/opt/julia-1.9/bin/julia", Resolve("1.9", json).Command);
    }

    [Fact]
    public void Resolve_LinkedChannel_IsItsCommandWithItsArgs()
    {
        var resolution = Resolve("dev");

        Assert.Equal(JuliaupFiles.Dev, resolution.Command);
        Assert.Equal(["--startup-file=no", "-t", "2"], resolution.Args);
    }

    [Fact]
    public void Resolve_Alias_IsItsTargetWithTheAliasArgs()
    {
        var resolution = Resolve("lts");

        Assert.Equal(JuliaupFiles.Lts, resolution.Command);
        Assert.Equal(["--history-file=no"], resolution.Args);
        Assert.Equal("lts", resolution.Channel);
    }

    [Fact]
    public void Resolve_AliasOfALinkedChannel_PutsTheAliasArgsBeforeTheLinkedArgsAsJuliaupDoes()
    {
        const string json = """
            { "InstalledVersions": {}, "InstalledChannels": {
                "dev": { "Command": "/home/alice/src/julia/julia", "Args": ["-t", "2"] },
                "fast": { "Target": "dev", "Args": ["-O3"] } } }
            """;

        var resolution = Resolve("fast", json);

        Assert.Equal(JuliaupFiles.Dev, resolution.Command);
        Assert.Equal(["-O3", "-t", "2"], resolution.Args);
    }

    [Fact]
    public void Resolve_UnknownChannel_ThrowsJuliaNotFoundListingTheInstalledChannels()
    {
        var error = Assert.Throws<UserError>(() => Resolve("1.12"));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        Assert.Equal("juliaup channel 1.12 is not installed (from +1.12); installed channels: 1.10, dev, lts, nightly, release; to install it: juliaup add 1.12", error.Message);
    }

    [Fact]
    public void Resolve_AliasOfAChannelNotInstalled_ThrowsJuliaNotFoundNamingTheTarget()
    {
        const string json = """{ "InstalledVersions": {}, "InstalledChannels": { "lts": { "Target": "1.6" } } }""";

        var error = Assert.Throws<UserError>(() => Resolve("lts", json));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        Assert.Equal("juliaup channel lts (from +lts) is an alias of 1.6, which is not installed; installed channels: lts; to install it: juliaup add 1.6", error.Message);
    }

    [Fact]
    public void Resolve_AliasOfAnAlias_ThrowsJuliaupConfigInvalidAsJuliaupRefusesIt()
    {
        const string json = """{ "InstalledVersions": {}, "InstalledChannels": { "a": { "Target": "b" }, "b": { "Target": "a" } } }""";

        var error = Assert.Throws<UserError>(() => Resolve("a", json));

        Assert.Equal(ExitCode.JuliaupConfigInvalid, error.ExitCode);
        Assert.Contains("channel a is an alias of b, itself an alias of a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_VersionNotInInstalledVersions_ThrowsJuliaNotFoundNamingJuliaupAdd()
    {
        const string json = """{ "InstalledVersions": {}, "InstalledChannels": { "1.10": { "Version": "1.10.4+0.x64.linux.gnu" } } }""";

        var error = Assert.Throws<UserError>(() => Resolve("1.10", json));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        Assert.Equal("juliaup channel 1.10 (from +1.10) points to Julia 1.10.4+0.x64.linux.gnu, which juliaup has not installed; reinstall it: juliaup remove 1.10, then juliaup add 1.10", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Resolve_VersionDirectoryOrBinaryMissing_ThrowsJuliaNotFoundNamingJuliaupAdd(bool directoryMissing)
    {
        var fresh = new FakeFileSystem().AddTextFile(JuliaupFiles.ConfigFile, JuliaupFiles.Json());
        if (!directoryMissing)
        {
            fresh.AddDirectory(JuliaupFiles.Dir + "/julia-1.10.4+0.x64.linux.gnu");
        }

        var config = JuliaupConfigReader.Parse(JuliaupFiles.Json(), JuliaupFiles.ConfigFile);
        var error = Assert.Throws<UserError>(() => JuliaupResolver.Resolve(config, new JuliaupChannelRequest("lts", JuliaSource.JuliaupDefault, "juliaup's default channel"), "julia", fresh));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        var missing = directoryMissing ? JuliaupFiles.Dir + "/julia-1.10.4+0.x64.linux.gnu" : JuliaupFiles.Lts;
        Assert.Equal(
            $"Julia 1.10.4+0.x64.linux.gnu of juliaup channel 1.10 (from juliaup's default channel) is missing: {missing} does not exist; reinstall it: juliaup remove 1.10, then juliaup add 1.10",
            error.Message);
    }
}
