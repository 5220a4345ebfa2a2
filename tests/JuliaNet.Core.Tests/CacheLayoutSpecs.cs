using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

public sealed class CacheLayoutSpecs
{
    private const string Root = "/home/alice/.cache/julia-net";
    private const string Launcher = "/opt/julia-net/bin/julia-net";
    private const string Image = "/images/app.so";
    private const string UserDepot = "/home/alice/.julia";

    [Theory]
    [InlineData("/var/cache/jn", "/var/cache/jn")]
    [InlineData("cache", "/work/project/cache")]
    [InlineData("./cache/jn", "/work/project/cache/jn")]
    [InlineData("../cache", "/work/cache")]
    public void Root_JuliaNetCacheDir_IsUsedAndMadeAbsolute(string value, string expected)
    {
        var context = Contexts.Linux((EnvironmentVariables.CacheDir, value), (EnvironmentVariables.XdgCacheHome, "/xdg"));

        Assert.Equal(expected, CacheLayout.Root(context));
    }

    [Theory]
    [InlineData(Platform.Linux)]
    [InlineData(Platform.MacOS)]
    [InlineData(Platform.Windows)]
    public void Root_JuliaNetCacheDir_WinsOnEveryPlatform(Platform platform)
    {
        var context = Contexts.Create(platform, (EnvironmentVariables.CacheDir, "/var/cache/jn"), (EnvironmentVariables.LocalAppData, "/lad"));

        Assert.Equal("/var/cache/jn", CacheLayout.Root(context));
    }

    [Theory]
    [InlineData(null, "/home/alice/.cache/julia-net")]
    [InlineData("", "/home/alice/.cache/julia-net")]
    [InlineData("/xdg/cache", "/xdg/cache/julia-net")]
    [InlineData("relative/cache", "/home/alice/.cache/julia-net")]
    [InlineData("./cache", "/home/alice/.cache/julia-net")]
    [InlineData("~/cache", "/home/alice/.cache/julia-net")]
    public void Root_OnLinux_UsesAbsoluteXdgCacheHomeOrTheDefault(string? xdg, string expected)
    {
        var context = xdg is null ? Contexts.Linux() : Contexts.Linux((EnvironmentVariables.XdgCacheHome, xdg));

        Assert.Equal(expected, CacheLayout.Root(context));
    }

    [Fact]
    public void Root_OnMacOS_IsLibraryCaches()
    {
        var context = Contexts.Create(Platform.MacOS, (EnvironmentVariables.XdgCacheHome, "/xdg"));

        Assert.Equal("/home/alice/Library/Caches/julia-net", CacheLayout.Root(context));
    }

    [Theory]
    [InlineData("/lad", "/lad/julia-net")]
    [InlineData(null, "/home/alice/AppData/Local/julia-net")]
    public void Root_OnWindows_IsLocalAppData(string? localAppData, string expected)
    {
        // Path separators are the host's; only the choice of directory is checked here.
        var context = localAppData is null
            ? Contexts.Create(Platform.Windows)
            : Contexts.Create(Platform.Windows, (EnvironmentVariables.LocalAppData, localAppData));

        Assert.Equal(expected, CacheLayout.Root(context));
    }

    [Fact]
    public void DepotsRootAndJuliaInfoRoot_AreChildrenOfRoot()
    {
        Assert.Equal(Root + "/depots", CacheLayout.DepotsRoot(Root));
        Assert.Equal(Root + "/julia-info", CacheLayout.JuliaInfoRoot(Root));
    }

    [Fact]
    public void DepotFor_KnownInputs_GivesThePinnedPath()
    {
        // Pinned as a literal: a change to the naming or the hash orphans every user's existing cache depots.
        Assert.Equal(Root + "/depots/app-d815954fd3a0f9b7", CacheLayout.DepotFor(Root, Launcher, Image, UserDepot));
    }

    [Theory]
    [InlineData("/opt/julia-net-2/bin/julia-net", Image, UserDepot)]
    [InlineData(Launcher, "/images/other.so", UserDepot)]
    [InlineData(Launcher, "/images2/app.so", UserDepot)]
    [InlineData(Launcher, Image, "/data/depot")]
    public void DepotFor_AnyInputDiffers_GivesDifferentPath(string launcher, string image, string userDepot)
    {
        var baseline = CacheLayout.DepotFor(Root, Launcher, Image, UserDepot);

        Assert.NotEqual(baseline, CacheLayout.DepotFor(Root, launcher, image, userDepot));
    }

    [Fact]
    public void DepotFor_FieldsSeparated_DoNotCollideWhenConcatenationsMatch()
    {
        var a = CacheLayout.DepotFor(Root, "/a", "/b/c.so", "/d");
        var b = CacheLayout.DepotFor(Root, "/a/b", "/c.so", "/d");

        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("/images/app.so", "app-")]
    [InlineData("/images/sys.dylib", "sys-")]
    [InlineData("/images/my-image_v1.2.so", "my-image_v1.2-")]
    [InlineData("/images/no-extension", "no-extension-")]
    [InlineData("/images/with space ü.so", "with_space__-")]
    [InlineData("/images/.so", "image-")]
    public void DepotFor_Name_StartsWithReadableImageName(string image, string prefix)
    {
        var depot = CacheLayout.DepotFor(Root, Launcher, image, UserDepot);

        Assert.Equal(Root + "/depots", Path.GetDirectoryName(depot));
        Assert.StartsWith(prefix, Path.GetFileName(depot), StringComparison.Ordinal);
        Assert.Matches("-[0-9a-f]{16}$", depot);
    }

    [Fact]
    public void DepotFor_LongImageName_IsCutTo40Characters()
    {
        var name = new string('a', 100);

        var depot = CacheLayout.DepotFor(Root, Launcher, $"/images/{name}.so", UserDepot);

        Assert.Equal(new string('a', 40) + "-", Path.GetFileName(depot)[..41]);
        Assert.Equal(40 + 1 + 16, Path.GetFileName(depot).Length);
    }

    [Theory]
    [InlineData("", "cbf29ce484222325")]
    [InlineData("a", "af63dc4c8601ec8c")]
    [InlineData("foobar", "85944171f73967e8")]
    [InlineData("ü", "0ac20a07b71807ea")]
    public void Hash_Value_IsFnv1a64OfUtf8BytesIn16HexDigits(string value, string expected)
    {
        // The published FNV-1a 64 test vectors; "ü" pins UTF-8 (two bytes), not UTF-16.
        Assert.Equal(expected, CacheLayout.Hash(value));
    }

    [Fact]
    public void JuliaInfoFile_RealPath_IsHashedTextFileUnderJuliaInfo()
    {
        var file = CacheLayout.JuliaInfoFile(Root, "/opt/julia/bin/julia");

        Assert.Equal($"{Root}/julia-info/{CacheLayout.Hash("/opt/julia/bin/julia")}.txt", file);
        Assert.NotEqual(file, CacheLayout.JuliaInfoFile(Root, "/opt/julia2/bin/julia"));
    }
}
