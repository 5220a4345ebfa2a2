using System.Security.Cryptography;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// Plain julia and julia-net each compile a package once into their own depot, and never
/// read, rewrite or touch the other's caches.
/// </summary>
[Collection(ToolsCollection.Name)]
public sealed class PrecompileCacheSpecs(Tools tools)
{
    [Fact]
    public void Caches_OfPlainJuliaAndLauncher_AreSeparateAndEachBuiltOnce()
    {
        var home = tools.NewDir("home");
        var cacheRoot = Path.Combine(tools.NewDir("cache"), "julia-net");
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["JULIA_NET_CACHE_DIR"] = cacheRoot,
            ["JULIA_LOAD_PATH"] = Path.Combine(tools.FixturesDir, "LoadPath") + ":@stdlib",
            ["JULIA_DEBUG"] = "loading",
        };
        string[] code = ["-e", "using Tiny; print(Tiny.greet(\"x\"))"];
        var plainCompiled = Path.Combine(home, ".julia", "compiled");

        var plainFirst = tools.RunJulia(code, env);
        var launcherFirst = tools.RunLauncher(code, env);
        var launcherCompiled = Path.Combine(InfoJson.CacheDir(tools, tools.Launcher, env), "compiled");
        Assert.Equal("hello, x", plainFirst.StandardOutput);
        Assert.Equal("hello, x", launcherFirst.StandardOutput);
        Assert.True(PrecompileLog.Built(plainFirst.StandardError, "Tiny"), plainFirst.StandardError);
        Assert.True(PrecompileLog.Built(launcherFirst.StandardError, "Tiny"), launcherFirst.StandardError);
        var plainBefore = Snapshot(plainCompiled);
        var launcherBefore = Snapshot(Path.Combine(cacheRoot, "depots"));
        Assert.Single(plainBefore.Keys, k => k.EndsWith(".ji", StringComparison.Ordinal));
        Assert.Single(launcherBefore.Keys, k => k.EndsWith(".ji", StringComparison.Ordinal) && k.StartsWith(launcherCompiled, StringComparison.Ordinal));

        // Loading a cache updates its own modification time, so each side is compared
        // before and after the *other* side's run.
        var plainAgain = tools.RunJulia(code, env);
        Assert.DoesNotContain("Precompiling", plainAgain.StandardError, StringComparison.Ordinal);
        Assert.Equal(launcherBefore, Snapshot(Path.Combine(cacheRoot, "depots")));
        var plainAfterItsRun = Snapshot(plainCompiled);
        Assert.Equal(plainBefore.Keys, plainAfterItsRun.Keys);

        var launcherAgain = tools.RunLauncher(code, env);
        Assert.DoesNotContain("Precompiling", launcherAgain.StandardError, StringComparison.Ordinal);
        Assert.Equal(plainAfterItsRun, Snapshot(plainCompiled));
    }

    [Fact]
    public void UserDepot_UnderLauncher_HoldsEverythingButCompiledCaches()
    {
        var home = tools.NewDir("home");
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["JULIA_LOAD_PATH"] = Path.Combine(tools.FixturesDir, "LoadPath") + ":@stdlib",
        };
        var userDepot = Path.Combine(home, ".julia");

        var result = tools.RunLauncher(
            ["-e", "using Tiny; for d in (\"environments\", \"logs\", \"packages\", \"registries\", \"artifacts\") println(realpath(joinpath(DEPOT_PATH[1], d))) end"],
            env);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.All(result.StandardOutput.TrimEnd().Split('\n'), dir => Assert.StartsWith(userDepot + "/", dir, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(userDepot, "compiled")));
        var cacheCompiled = Path.Combine(InfoJson.CacheDir(tools, tools.Launcher, env), "compiled");
        Assert.NotEmpty(Directory.GetFiles(cacheCompiled, "*.ji", SearchOption.AllDirectories));
    }

    /// <summary>Every regular file under a directory with its content hash and modification time.</summary>
    private static Dictionary<string, (string Hash, DateTime Modified)> Snapshot(string dir) =>
        Directory.Exists(dir)
            ? new DirectoryInfo(dir).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
                .ToDictionary(f => f.FullName, f => (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f.FullName))), f.LastWriteTimeUtc))
            : [];
}
