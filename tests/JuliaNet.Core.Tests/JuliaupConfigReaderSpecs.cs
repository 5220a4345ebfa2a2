using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Juliaup;

namespace JuliaNet.Core.Tests;

public sealed class JuliaupConfigReaderSpecs
{
    private const string File = JuliaupFiles.ConfigFile;

    private static JuliaupConfig Parse(string json) => JuliaupConfigReader.Parse(json, File);

    [Fact]
    public void Parse_FileAsJuliaupWritesIt_ReadsDefaultVersionsEveryKindOfChannelAndOverrides()
    {
        var config = Parse(JuliaupFiles.Json(overrides: """[ { "Path": "/work/project", "Channel": "1.10" } ]"""));

        Assert.Equal(File, config.File);
        Assert.Equal(JuliaupFiles.Dir, config.Directory);
        Assert.Equal("release", config.Default);
        Assert.Equal(new JuliaupVersion("./julia-1.11.1+0.x64.linux.gnu", "./julia-1.11.1+0.x64.linux.gnu/bin/julia"), config.InstalledVersions["1.11.1+0.x64.linux.gnu"]);
        Assert.Equal(new JuliaupVersion("./julia-1.10.4+0.x64.linux.gnu", null), config.InstalledVersions["1.10.4+0.x64.linux.gnu"]);
        Assert.Equal(new JuliaupInstalledChannel("1.11.1+0.x64.linux.gnu"), config.InstalledChannels["release"]);
        Assert.Equal(new JuliaupInstalledChannel("1.10.4+0.x64.linux.gnu"), config.InstalledChannels["1.10"]);
        Assert.Equal(new JuliaupDownloadedChannel("./julia-nightly", "1.12.0-DEV", null), config.InstalledChannels["nightly"]);
        var dev = Assert.IsType<JuliaupLinkedChannel>(config.InstalledChannels["dev"]);
        Assert.Equal(JuliaupFiles.Dev, dev.Command);
        Assert.Equal(["--startup-file=no", "-t", "2"], dev.Args);
        var lts = Assert.IsType<JuliaupAliasChannel>(config.InstalledChannels["lts"]);
        Assert.Equal("1.10", lts.Target);
        Assert.Equal(["--history-file=no"], lts.Args);
        Assert.Equal([new JuliaupOverride("/work/project", "1.10")], config.Overrides);
        Assert.Equal("1.10, dev, lts, nightly, release", config.ChannelList);
    }

    [Fact]
    public void Parse_OnlyTheRequiredParts_HasNoDefaultAndNoOverrides()
    {
        var config = Parse("""{ "InstalledVersions": {}, "InstalledChannels": {} }""");

        Assert.Null(config.Default);
        Assert.Empty(config.InstalledVersions);
        Assert.Empty(config.InstalledChannels);
        Assert.Empty(config.Overrides);
        Assert.Equal("(none)", config.ChannelList);
    }

    [Fact]
    public void Parse_DefaultNullAndArgsNullAndUnknownKeys_AreAcceptedAsJuliaupAccepts()
    {
        var config = Parse("""
            {
              "Default": null, "Future": { "x": [1, 2] }, "InstalledVersions": {},
              "InstalledChannels": { "mine": { "Command": "/opt/julia/bin/julia", "Args": null, "Note": 3 } }
            }
            """);

        Assert.Null(config.Default);
        var mine = Assert.IsType<JuliaupLinkedChannel>(config.InstalledChannels["mine"]);
        Assert.Empty(mine.Args);
    }

    public static TheoryData<string, Type> ChannelKinds => new()
    {
        // serde's untagged enum takes the first kind (DirectDownload, System, Linked, Alias) whose fields fit.
        { """{ "Version": "1.10.4+0.x64.linux.gnu", "Command": "/x/julia" }""", typeof(JuliaupInstalledChannel) },
        { """{ "Version": 1, "Command": "/x/julia" }""", typeof(JuliaupLinkedChannel) },
        { """{ "Path": "./p", "Url": "u", "LocalETag": "a", "ServerETag": "b", "Version": "v" }""", typeof(JuliaupDownloadedChannel) },
        { """{ "Path": "./p", "Url": "u", "LocalETag": "a", "Version": "v" }""", typeof(JuliaupInstalledChannel) },
        { """{ "Command": 5, "Target": "release" }""", typeof(JuliaupAliasChannel) },
        { """{ "Target": "release", "Url": 3 }""", typeof(JuliaupAliasChannel) },
    };

    [Theory]
    [MemberData(nameof(ChannelKinds))]
    public void Parse_ChannelWithFieldsOfSeveralKinds_IsTheFirstKindThatFits(string channel, Type kind)
    {
        var config = Parse($$"""{ "InstalledVersions": {}, "InstalledChannels": { "c": {{channel}} } }""");

        Assert.IsType(kind, config.InstalledChannels["c"]);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("null", "not a JSON object")]
    [InlineData("""{ "InstalledVersions": {}, "InstalledChannels": {} } {}""", "not valid JSON")]
    [InlineData("""// a comment\n{ "InstalledVersions": {}, "InstalledChannels": {} }""", "not valid JSON")]
    [InlineData("""{ "InstalledVersions": {}, "InstalledChannels": {}, }""", "not valid JSON")]
    [InlineData("""{ "InstalledChannels": {} }""", "no \"InstalledVersions\"")]
    [InlineData("""{ "InstalledVersions": {} }""", "no \"InstalledChannels\"")]
    [InlineData("""{ "Default": 5, "InstalledVersions": {}, "InstalledChannels": {} }""", "\"Default\" must be a string")]
    [InlineData("""{ "InstalledVersions": [], "InstalledChannels": {} }""", "\"InstalledVersions\" must be an object")]
    [InlineData("""{ "InstalledVersions": { "1.10.4": {} }, "InstalledChannels": {} }""", "version \"1.10.4\" needs a string \"Path\"")]
    [InlineData("""{ "InstalledVersions": { "1.10.4": { "Path": "./p", "BinaryPath": 1 } }, "InstalledChannels": {} }""", "version \"1.10.4\" needs a string \"Path\"")]
    [InlineData("""{ "InstalledVersions": { "1.10.4": "./p" }, "InstalledChannels": {} }""", "version \"1.10.4\" must be an object")]
    [InlineData("""{ "InstalledVersions": {}, "InstalledChannels": { "c": {} } }""", "channel \"c\" is none of juliaup's kinds")]
    [InlineData("""{ "InstalledVersions": {}, "InstalledChannels": { "c": { "Version": null } } }""", "channel \"c\" is none of juliaup's kinds")]
    [InlineData("""{ "InstalledVersions": {}, "InstalledChannels": { "c": { "Command": "/x", "Args": [1] } } }""", "channel \"c\" is none of juliaup's kinds")]
    [InlineData("""{ "InstalledVersions": {}, "InstalledChannels": { "c": { "Command": "/x", "Args": "-q", "Target": "release" } } }""", "channel \"c\" is none of juliaup's kinds")]
    [InlineData("""{ "InstalledVersions": {}, "InstalledChannels": {}, "Overrides": {} }""", "\"Overrides\" must be an array")]
    [InlineData("""{ "InstalledVersions": {}, "InstalledChannels": {}, "Overrides": [ { "Path": "/a" } ] }""", "an override needs a string \"Path\" and \"Channel\"")]
    public void Parse_FileJuliaupWouldRefuse_ThrowsJuliaupConfigInvalidOnOneLine(string json, string why)
    {
        var error = Assert.Throws<UserError>(() => Parse(json.Replace("\\n", "\n", StringComparison.Ordinal)));

        Assert.Equal(ExitCode.JuliaupConfigInvalid, error.ExitCode);
        Assert.StartsWith($"juliaup's configuration {File} is invalid: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
