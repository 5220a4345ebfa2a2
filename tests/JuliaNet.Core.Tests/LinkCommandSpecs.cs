using System.Runtime.InteropServices;
using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

public sealed class LinkCommandSpecs
{
    private static readonly JuliaLibraries Debian153 = new("/usr/lib/x86_64-linux-gnu/libjulia.so.1", null, "/usr/lib/x86_64-linux-gnu/julia");

    private static readonly JuliaLibraries Official110 = new("/opt/j/lib/libjulia.so.1.10", "/opt/j/lib/julia/libjulia-internal.so.1.10", "/opt/j/lib/julia");

    private static IReadOnlyList<string> Link(Platform platform, string version, JuliaLibraries libraries, FakeFileSystem? fs = null) =>
        LinkCommand.Arguments(platform, Architecture.X64, version, libraries, "/b/sys-o.a", "/b/image.so", "app.so", fs ?? new FakeFileSystem());

    [Fact]
    public void Arguments_Julia15OnDebianWithoutLibjuliaDev_LinkLibjuliaBySoname()
    {
        Assert.Equal(
            [
                "-m64", "-march=x86-64", "-shared", "-fPIC", "-o", "/b/image.so",
                "-Wl,--whole-archive", "/b/sys-o.a", "-Wl,--no-whole-archive",
                "-L/usr/lib/x86_64-linux-gnu", "-L/usr/lib/x86_64-linux-gnu/julia", "-l:libjulia.so.1", "-Wl,-soname,app.so",
            ],
            Link(Platform.Linux, "1.5.3", Debian153));
    }

    [Fact]
    public void Arguments_Julia16AndLater_LinkLibjuliaInternalBeforeLibjulia()
    {
        var fs = new FakeFileSystem().AddFile("/opt/j/lib/libjulia.so", []).AddFile("/opt/j/lib/julia/libjulia-internal.so", []);

        var args = Link(Platform.Linux, "1.10.4", Official110, fs);

        Assert.Equal(["-L/opt/j/lib", "-L/opt/j/lib/julia", "-ljulia-internal", "-ljulia", "-Wl,-soname,app.so"], args.Skip(9));
    }

    [Fact]
    public void Arguments_PrivateLibDirSameAsLibDir_IsGivenOnce()
    {
        var args = Link(Platform.Linux, "1.5.3", new JuliaLibraries("/opt/j/lib/libjulia.so.1", null, "/opt/j/lib"));

        Assert.Single(args, a => a.StartsWith("-L", StringComparison.Ordinal));
    }

    [Fact]
    public void Arguments_OnMacOS_LoadAllOfTheArchiveAndLinkByName()
    {
        var args = Link(Platform.MacOS, "1.10.4", Official110);

        Assert.Equal(["-Wl,-all_load", "/b/sys-o.a"], args.Skip(6).Take(2));
        Assert.Contains("-ljulia", args);
        Assert.DoesNotContain(args, a => a.StartsWith("-Wl,-soname", StringComparison.Ordinal) || a.Contains("whole-archive", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.5.3", true)]
    [InlineData("1.9.4", true)]
    [InlineData("1.10.4", false)]
    [InlineData("1.11.2", true)]
    [InlineData("1.12.0-rc1", true)]
    public void Arguments_OnWindows_ExportAllSymbolsExceptOnJulia110(string version, bool exportsAll)
    {
        var args = Link(Platform.Windows, version, Official110);

        Assert.Equal(exportsAll, args.Contains("-Wl,--export-all-symbols"));
        Assert.Equal("-lopenlibm", args[^1]);
    }

    [Theory]
    [InlineData("/usr/lib/libjulia.so.1", false, "-l:libjulia.so.1")]
    [InlineData("/usr/lib/libjulia.so.1", true, "-ljulia")]
    [InlineData("/opt/j/lib/julia/libjulia-internal.so.1.10", false, "-l:libjulia-internal.so.1.10")]
    [InlineData("/opt/j/lib/julia/libjulia-internal.so.1.10", true, "-ljulia-internal")]
    [InlineData("/opt/j/lib/libjulia-debug.so.1", true, "-ljulia-debug")]
    public void LibraryFlag_OnLinux_IsByNameOnlyWhenTheUnversionedLibraryExists(string file, bool unversionedExists, string expected)
    {
        var fs = new FakeFileSystem();
        if (unversionedExists)
        {
            fs.AddFile(file[..(file.IndexOf(".so", StringComparison.Ordinal) + 3)], []);
        }

        Assert.Equal(expected, LinkCommand.LibraryFlag(Platform.Linux, file, fs));
    }
}
