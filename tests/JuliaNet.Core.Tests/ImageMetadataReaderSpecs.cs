using JuliaNet.Errors;
using JuliaNet.Images;

namespace JuliaNet.Core.Tests;

public sealed class ImageMetadataReaderSpecs
{
    private const string MetadataPath = "/images/app.so.json";

    [Fact]
    public void ReadJulia_OfWhatJuliaSysimageWrites_GivesItsJuliaAndVersion()
    {
        var json = ImageMetadataReader.Serialize(new ImageMetadata
        {
            Julia = "/opt/julia-1.10.4/bin/julia", JuliaVersion = "1.10.4", Launcher = "/opt/julia-net/bin/julia-net",
            Packages = [new ImagePackage("Greeter", "0a1b2c3d-0000-4000-8000-000000000001", "0.1.0")],
            CpuTarget = "native", BaseImage = "/opt/julia-1.10.4/lib/julia/sys.so", InputsHash = "abc",
            Inputs = new Dictionary<string, string> { ["julia version"] = "1.10.4" },
            ToolVersion = "0.1.0", BuildTime = DateTimeOffset.UnixEpoch,
        });

        Assert.Equal(new ImageJulia("/opt/julia-1.10.4/bin/julia", "1.10.4"), ImageMetadataReader.ReadJulia(json, MetadataPath));
    }

    [Theory]
    [InlineData("{}", null, null)]
    [InlineData("""{ "julia": null, "juliaVersion": null }""", null, null)]
    [InlineData("""{ "juliaVersion": "1.9.4", "julia": "/j", "extra": { "nested": [1, {"julia": "/no"}] } }""", "/j", "1.9.4")]
    [InlineData("""{ "julia": "/first", "julia": "/last" }""", "/last", null)]
    [InlineData("{ \"julia\": \"/j\" }\n\n", "/j", null)]
    public void ReadJulia_ValidObject_GivesTopLevelFieldsOnly(string json, string? julia, string? version)
    {
        Assert.Equal(new ImageJulia(julia, version), ImageMetadataReader.ReadJulia(json, MetadataPath));
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
    public void ReadJulia_NotOneValidObject_ThrowsImageMismatchNamingTheFile(string json)
    {
        var error = Assert.Throws<UserError>(() => ImageMetadataReader.ReadJulia(json, MetadataPath));

        Assert.Equal(ExitCodes.ImageMismatch, error.ExitCode);
        Assert.Contains(MetadataPath, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }
}
