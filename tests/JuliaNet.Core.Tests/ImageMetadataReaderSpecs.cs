using System.Text;
using JuliaNet.Errors;
using JuliaNet.Images;

namespace JuliaNet.Core.Tests;

public sealed class ImageMetadataReaderSpecs
{
    private const string MetadataPath = "/images/app.so.json";

    [Fact]
    public void ReadForLaunch_OfWhatJuliaSysimageWrites_GivesItsJuliaVersionRebuildAndWatchedInputs()
    {
        var json = ImageMetadataReader.Serialize(new ImageMetadata
        {
            Julia = "/opt/julia-1.10.4/bin/julia", JuliaVersion = "1.10.4", Launcher = "/opt/julia-net/bin/julia-net",
            Packages = [new ImagePackage("Greeter", "0a1b2c3d-0000-4000-8000-000000000001", "0.1.0")],
            CpuTarget = "native", BaseImage = "/opt/julia-1.10.4/lib/julia/sys.so", InputsHash = "abc",
            Inputs = new Dictionary<string, string> { ["julia version"] = "1.10.4" },
            ToolVersion = "0.1.0", BuildTime = DateTimeOffset.UnixEpoch,
            Rebuild = ["/opt/julia-net/bin/julia-sysimage", "--project", "/p", "/images/app.so"],
            Watch = [new WatchedPath("/p/src", 1_700_000_000_123_456_789), new WatchedPath("/p/src/P.jl", 1_700_000_000_000_000_001, 42)],
        });

        var facts = ImageMetadataReader.ReadForLaunch(Encoding.UTF8.GetBytes(json), MetadataPath);

        Assert.Equal(("/opt/julia-1.10.4/bin/julia", "1.10.4"), (facts.Julia, facts.Version));
        Assert.Equal(["/opt/julia-net/bin/julia-sysimage", "--project", "/p", "/images/app.so"], facts.Rebuild);
        Assert.Equal([new WatchedPath("/p/src", 1_700_000_000_123_456_789), new WatchedPath("/p/src/P.jl", 1_700_000_000_000_000_001, 42)], facts.Watch);
        Assert.DoesNotContain("\"size\": null", json, StringComparison.Ordinal); // directories carry no size
    }

    [Fact]
    public void ReadForLaunch_MetadataOfAnOlderBuild_HasNothingToWatch()
    {
        var facts = ImageMetadataReader.ReadForLaunch("{ \"julia\": \"/j\", \"juliaVersion\": \"1.5.3\" }"u8, MetadataPath);

        Assert.Empty(facts.Watch);
        Assert.Empty(facts.Rebuild);
    }

    [Theory]
    [InlineData("{}", null, null)]
    [InlineData("""{ "julia": null, "juliaVersion": null }""", null, null)]
    [InlineData("""{ "juliaVersion": "1.9.4", "julia": "/j", "extra": { "nested": [1, {"julia": "/no"}] } }""", "/j", "1.9.4")]
    [InlineData("""{ "julia": "/first", "julia": "/last" }""", "/last", null)]
    [InlineData("{ \"julia\": \"/j\" }\n\n", "/j", null)]
    public void ReadForLaunch_ValidObject_GivesTopLevelFieldsOnly(string json, string? julia, string? version)
    {
        var facts = ImageMetadataReader.ReadForLaunch(Encoding.UTF8.GetBytes(json), MetadataPath);

        Assert.Equal((julia, version), (facts.Julia, facts.Version));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{} {}")]
    [InlineData("{} x")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"julia\"")]
    [InlineData("""{ "julia": 5 }""")]
    [InlineData("""{ "juliaVersion": 1.10 }""")]
    [InlineData("""{ "julia": ["/j"] }""")]
    [InlineData("""{ "formatVersion": "one" }""")]
    [InlineData("""{ "formatVersion": 1.5 }""")]
    [InlineData("""{ "packages": [ }""")]
    [InlineData("""{ "julia": "/j", }""")]
    [InlineData("""{ "watch": {} }""")]
    [InlineData("""{ "watch": [ "/p" ] }""")]
    [InlineData("""{ "watch": [ { "path": "/p" } ] }""")]
    [InlineData("""{ "watch": [ { "modified": 1 } ] }""")]
    [InlineData("""{ "watch": [ { "path": "/p", "modified": "1" } ] }""")]
    [InlineData("""{ "rebuild": [ 1 ] }""")]
    [InlineData("""{ "rebuild": "julia-sysimage" }""")]
    public void ReadForLaunch_NotOneValidObject_ThrowsImageMetadataInvalidNamingTheFile(string json)
    {
        var error = Assert.Throws<UserError>(() => ImageMetadataReader.ReadForLaunch(Encoding.UTF8.GetBytes(json), MetadataPath));

        Assert.Equal(ExitCode.ImageMetadataInvalid, error.ExitCode);
        Assert.Contains(MetadataPath, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "image metadata is not valid JSON: /images/app.so.json (")]
    [InlineData("{ \"juliaVers", "image metadata is not valid JSON: /images/app.so.json (")]
    [InlineData("null", "image metadata is empty: /images/app.so.json")]
    public void Parse_NotMetadata_ThrowsImageMetadataInvalidNamingTheFile(string json, string message)
    {
        var error = Assert.Throws<UserError>(() => ImageMetadataReader.Parse(json, MetadataPath));

        Assert.Equal(ExitCode.ImageMetadataInvalid, error.ExitCode);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
