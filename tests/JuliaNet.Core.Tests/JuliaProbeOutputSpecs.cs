using JuliaNet.Julia;

namespace JuliaNet.Core.Tests;

public sealed class JuliaProbeOutputSpecs
{
    /// <summary>What probe.jl prints for Debian's Julia 1.5.3 (no libjulia-internal before 1.6).</summary>
    private const string Debian153 = """
        version=1.5.3
        image=/usr/lib/x86_64-linux-gnu/julia/sys.so
        depot=/usr/local/share/julia
        depot=/usr/share/julia
        stdlib=/usr/share/julia/stdlib/v1.5
        libjulia=/usr/lib/x86_64-linux-gnu/libjulia.so.1
        private_libdir=/usr/lib/x86_64-linux-gnu/julia

        """;

    /// <summary>What probe.jl prints for an official Julia 1.10 tarball.</summary>
    private const string Official110 = """
        version=1.10.4
        image=/opt/julia-1.10.4/lib/julia/sys.so
        depot=/opt/julia-1.10.4/local/share/julia
        depot=/opt/julia-1.10.4/share/julia
        stdlib=/opt/julia-1.10.4/share/julia/stdlib/v1.10
        libjulia=/opt/julia-1.10.4/lib/libjulia.so.1.10
        libjulia_internal=/opt/julia-1.10.4/lib/julia/libjulia-internal.so.1.10
        private_libdir=/opt/julia-1.10.4/lib/julia

        """;

    [Fact]
    public void Parse_Julia15Output_GivesFactsWithoutLibJuliaInternal()
    {
        var info = JuliaProbeOutput.Parse(Debian153);

        Assert.NotNull(info);
        Assert.Equal("1.5.3", info.Version);
        Assert.Equal("/usr/lib/x86_64-linux-gnu/julia/sys.so", info.DefaultImage);
        Assert.Equal(["/usr/local/share/julia", "/usr/share/julia"], info.SystemDepots);
        Assert.Equal("/usr/share/julia/stdlib/v1.5", info.Stdlib);
        Assert.Equal(
            new JuliaLibraries("/usr/lib/x86_64-linux-gnu/libjulia.so.1", null, "/usr/lib/x86_64-linux-gnu/julia"),
            info.Libraries);
        Assert.Equal("/usr/lib/x86_64-linux-gnu", info.Libraries!.LibDir);
    }

    [Fact]
    public void Parse_Julia110Output_GivesLibJuliaInternalAndItsDirectory()
    {
        var libraries = JuliaProbeOutput.Parse(Official110)?.Libraries;

        Assert.Equal(
            new JuliaLibraries("/opt/julia-1.10.4/lib/libjulia.so.1.10", "/opt/julia-1.10.4/lib/julia/libjulia-internal.so.1.10", "/opt/julia-1.10.4/lib/julia"),
            libraries);
    }

    [Fact]
    public void Parse_NoLibJulia_GivesFactsWithoutLibraries()
    {
        // julia-net needs only the version, image and depots; julia-sysimage refuses such a Julia.
        var info = JuliaProbeOutput.Parse("version=1.11.2\nimage=/opt/j/sys.so\nprivate_libdir=/opt/j/lib/julia\n");

        Assert.NotNull(info);
        Assert.Null(info.Libraries);
        Assert.Null(info.Stdlib);
        Assert.Empty(info.SystemDepots);
    }

    [Fact]
    public void Parse_NoPrivateLibDir_UsesLibJuliasDirectory()
    {
        var info = JuliaProbeOutput.Parse("version=1.5.3\nimage=/opt/j/sys.so\nlibjulia=/opt/j/lib/libjulia.so.1\n");

        Assert.Equal("/opt/j/lib", info?.Libraries?.PrivateLibDir);
    }

    [Theory]
    [InlineData("version=1.10.4\r\nimage=/opt/j/sys.so\r\ndepot=/opt/j/share/julia\r\n")]
    [InlineData("version=1.10.4\nimage=/opt/j/sys.so\ndepot=/opt/j/share/julia")]
    [InlineData("version=1.10.4\nimage=/opt/j/sys.so\ndepot=/opt/j/share/julia\n\n\n")]
    [InlineData("version=1.10.4\nimage=/opt/j/sys.so\ndepot=relative/depot\n\ndepot=/opt/j/share/julia\n")]
    [InlineData("WARNING: something\nversion=1.10.4\nimage=/opt/j/sys.so\nunknown=key\ndepot=/opt/j/share/julia\n")]
    [InlineData("depot=/opt/j/share/julia\nimage=/opt/j/sys.so\nversion=1.10.4\n")]
    public void Parse_LineEndingsOrderAndStrayLines_AreTolerated(string stdout)
    {
        var info = JuliaProbeOutput.Parse(stdout);

        Assert.NotNull(info);
        Assert.Equal("1.10.4", info.Version);
        Assert.Equal("/opt/j/sys.so", info.DefaultImage);
        Assert.Equal(["/opt/j/share/julia"], info.SystemDepots);
    }

    [Fact]
    public void Parse_PathWithEqualsSign_KeepsEverythingAfterTheFirst()
    {
        Assert.Equal("/opt/a=b/sys.so", JuliaProbeOutput.Parse("version=1.10.4\nimage=/opt/a=b/sys.so\n")?.DefaultImage);
    }

    [Theory]
    [InlineData("1.12.0-rc1")]
    [InlineData("1.12.0-DEV.1234")]
    [InlineData("1.11.0-beta2+build.7")]
    [InlineData("1.6.7+0")]
    [InlineData("10.20.30")]
    public void Parse_PrereleaseAndBuildVersions_AreAccepted(string version)
    {
        Assert.Equal(version, JuliaProbeOutput.Parse($"version={version}\nimage=/opt/j/sys.so\n")?.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("garbage")]
    [InlineData("1.10.4\n/opt/j/sys.so\n")]
    [InlineData("version=1.10.4\n")]
    [InlineData("image=/opt/j/sys.so\n")]
    [InlineData("version=1.10.4\nimage=\n")]
    [InlineData("version=1.10.4\nimage=relative/sys.so\n")]
    [InlineData("version=v1.10.4\nimage=/opt/j/sys.so\n")]
    [InlineData("version=1.10\nimage=/opt/j/sys.so\n")]
    [InlineData("version=1.10.4.1\nimage=/opt/j/sys.so\n")]
    [InlineData("version= 1.10.4\nimage=/opt/j/sys.so\n")]
    [InlineData("version=1.10.4-\nimage=/opt/j/sys.so\n")]
    [InlineData("ERROR: LoadError: boom\nimage=/opt/j/sys.so\n")]
    public void Parse_NotWhatJuliaPrints_GivesNull(string stdout)
    {
        Assert.Null(JuliaProbeOutput.Parse(stdout));
    }

    [Theory]
    [InlineData(Debian153)]
    [InlineData(Official110)]
    public void Format_OfParsedOutput_ParsesBackToTheSameFacts(string stdout)
    {
        var info = JuliaProbeOutput.Parse(stdout)!;

        var again = JuliaProbeOutput.Parse(JuliaProbeOutput.Format(info));

        Assert.NotNull(again);
        Assert.Equal(info.Version, again.Version);
        Assert.Equal(info.DefaultImage, again.DefaultImage);
        Assert.Equal(info.SystemDepots, again.SystemDepots);
        Assert.Equal(info.Stdlib, again.Stdlib);
        Assert.Equal(info.Libraries, again.Libraries);
    }
}
