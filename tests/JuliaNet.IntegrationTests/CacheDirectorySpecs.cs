namespace JuliaNet.IntegrationTests;

[Collection(ToolsCollection.Name)]
public sealed class CacheDirectorySpecs(Tools tools)
{
    [Fact]
    public void Info_ReportsLauncherJuliaVersionImageAndCacheDir()
    {
        var info = InfoJson.Read(tools, tools.Launcher);

        Assert.Equal(tools.Launcher, info.GetProperty("launcher").GetString());
        Assert.Equal(tools.Julia, info.GetProperty("julia").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", info.GetProperty("juliaVersion").GetString());
        Assert.Equal(tools.DefaultImage, info.GetProperty("sysimage").GetString());
        Assert.StartsWith(Path.Combine(tools.CacheRoot, "depots") + "/", info.GetProperty("cacheDir").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CacheDir_TwoImagesAndACopiedLauncher_GiveThreeDirectories()
    {
        var dir = tools.NewDir("images");
        var imageA = Path.Combine(dir, "a.so");
        var imageB = Path.Combine(dir, "b.so");
        File.CreateSymbolicLink(imageA, tools.DefaultImage);
        File.CreateSymbolicLink(imageB, tools.DefaultImage);
        var copy = tools.CopyLauncher("copy");

        var forA = InfoJson.CacheDir(tools, tools.Launcher, "-J", imageA);
        var forB = InfoJson.CacheDir(tools, tools.Launcher, "-J", imageB);
        var copyForA = InfoJson.CacheDir(tools, copy, "-J", imageA);

        Assert.Equal(3, new[] { forA, forB, copyForA }.Distinct().Count());
        Assert.Equal(forA, InfoJson.CacheDir(tools, tools.Launcher, $"--sysimage={imageA}"));
    }

    [Fact]
    public void CacheDir_CreatedOnLaunch_IsOwnerOnly()
    {
        var cacheRoot = Path.Combine(tools.NewDir("perm"), "cache");
        var env = new Dictionary<string, string?> { ["JULIA_NET_CACHE_DIR"] = cacheRoot };
        var info = InfoJson.Read(tools, tools.Launcher);

        var result = tools.RunLauncher(["-e", "print(DEPOT_PATH[1])"], env);

        Assert.Equal(0, result.ExitCode);
        var cacheDir = result.StandardOutput;
        Assert.StartsWith(cacheRoot, cacheDir, StringComparison.Ordinal);
        Assert.Equal(PrivateMode, File.GetUnixFileMode(cacheRoot));
        Assert.Equal(PrivateMode, File.GetUnixFileMode(cacheDir));
        Assert.NotEqual(info.GetProperty("cacheDir").GetString(), cacheDir);
    }

    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
}
