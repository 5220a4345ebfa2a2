using JuliaNet.Julia;

namespace JuliaNet.Core.Tests;

public sealed class JuliaProbeOutputSpecs
{
    [Fact]
    public void Parse_RealOutput_GivesVersionImageAndSystemDepots()
    {
        const string stdout = "1.10.4\n/opt/julia-1.10.4/lib/julia/sys.so\n/opt/julia-1.10.4/local/share/julia\n/opt/julia-1.10.4/share/julia\n";

        var info = JuliaProbeOutput.Parse(stdout);

        Assert.NotNull(info);
        Assert.Equal("1.10.4", info.Version);
        Assert.Equal("/opt/julia-1.10.4/lib/julia/sys.so", info.DefaultImage);
        Assert.Equal(["/opt/julia-1.10.4/local/share/julia", "/opt/julia-1.10.4/share/julia"], info.SystemDepots);
    }

    [Theory]
    [InlineData("1.10.4\r\n/opt/j/sys.so\r\n/opt/j/share/julia\r\n")]
    [InlineData("1.10.4\n/opt/j/sys.so\n/opt/j/share/julia")]
    [InlineData("1.10.4\n/opt/j/sys.so\n/opt/j/share/julia\n\n\n")]
    [InlineData("1.10.4\n/opt/j/sys.so\nrelative/depot\n\n/opt/j/share/julia\n")]
    public void Parse_LineEndingsAndNonAbsoluteDepots_AreTolerated(string stdout)
    {
        var info = JuliaProbeOutput.Parse(stdout);

        Assert.NotNull(info);
        Assert.Equal("1.10.4", info.Version);
        Assert.Equal("/opt/j/sys.so", info.DefaultImage);
        Assert.Equal(["/opt/j/share/julia"], info.SystemDepots);
    }

    [Fact]
    public void Parse_NoSystemDepots_GivesEmptyList()
    {
        var info = JuliaProbeOutput.Parse("1.11.2\n/opt/j/sys.so\n");

        Assert.NotNull(info);
        Assert.Empty(info.SystemDepots);
    }

    [Theory]
    [InlineData("1.12.0-rc1")]
    [InlineData("1.12.0-DEV.1234")]
    [InlineData("1.11.0-beta2+build.7")]
    [InlineData("1.6.7+0")]
    [InlineData("10.20.30")]
    public void Parse_PrereleaseAndBuildVersions_AreAccepted(string version)
    {
        Assert.Equal(version, JuliaProbeOutput.Parse($"{version}\n/opt/j/sys.so\n")?.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("garbage")]
    [InlineData("garbage\nmore garbage\n")]
    [InlineData("1.10.4")]
    [InlineData("1.10.4\n")]
    [InlineData("1.10.4\n\n/opt/j/share/julia\n")]
    [InlineData("1.10.4\nrelative/sys.so\n")]
    [InlineData("1.10.4\nsys.so\n")]
    [InlineData("v1.10.4\n/opt/j/sys.so\n")]
    [InlineData("1.10\n/opt/j/sys.so\n")]
    [InlineData("1.10.4.1\n/opt/j/sys.so\n")]
    [InlineData(" 1.10.4\n/opt/j/sys.so\n")]
    [InlineData("julia version 1.10.4\n/opt/j/sys.so\n")]
    [InlineData("1.10.4-\n/opt/j/sys.so\n")]
    [InlineData("ERROR: LoadError: boom\n/opt/j/sys.so\n")]
    [InlineData("/opt/j/sys.so\n1.10.4\n")]
    public void Parse_NotWhatJuliaPrints_GivesNull(string stdout)
    {
        Assert.Null(JuliaProbeOutput.Parse(stdout));
    }
}
