namespace JuliaNet.IntegrationTests;

/// <summary>
/// The cache directory under attack and under load: planted by another user, writable by
/// others, a symlink where julia-net will create a depot, 50 launches at once.
/// </summary>
[Collection(ToolsCollection.Name)]
public sealed class CacheSafetySpecs(Tools tools)
{
    private const uint Nobody = 65534;

    public enum Planted
    {
        RootOwnedByAnotherUser,
        RootWritableByOthers,
        DepotsWritableByOthers,
        DepotIsASymlink,
    }

    [Theory]
    [InlineData(Planted.RootOwnedByAnotherUser, "is owned by another user (uid 65534)")]
    [InlineData(Planted.RootWritableByOthers, "is writable by others (mode 777)")]
    [InlineData(Planted.DepotsWritableByOthers, "is writable by others (mode 777)")]
    [InlineData(Planted.DepotIsASymlink, "is a symlink")]
    public void UnsafeCacheDirectory_IsRefusedAndNeverUsed(Planted planted, string problem)
    {
        var cacheRoot = Path.Combine(tools.NewDir("unsafe"), "cache");
        var env = new Dictionary<string, string?> { ["JULIA_NET_CACHE_DIR"] = cacheRoot };
        var cacheDir = InfoJson.Read(tools, tools.Launcher, env).GetProperty("cacheDir").GetString()!;
        var attacker = tools.NewDir("attacker");
        var depots = Path.GetDirectoryName(cacheDir)!;
        Directory.CreateDirectory(depots, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(cacheRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var unsafePath = planted switch
        {
            Planted.RootOwnedByAnotherUser => Chown(cacheRoot, Nobody),
            Planted.RootWritableByOthers => Chmod(cacheRoot, "777"),
            Planted.DepotsWritableByOthers => Chmod(depots, "777"),
            Planted.DepotIsASymlink => Symlink(cacheDir, attacker),
            _ => throw new ArgumentOutOfRangeException(nameof(planted)),
        };

        var result = tools.RunLauncher(["-e", "println(\"julia ran\")"], env);

        Assert.Equal(70, result.ExitCode);
        Assert.Equal($"julia-net: error: unsafe cache directory: {unsafePath} {problem}; julia-net will not use it (remove it, or make it yours and not writable by others)\n", result.StandardError);
        Assert.Equal("", result.StandardOutput);
        Assert.Empty(Directory.GetFileSystemEntries(attacker));
    }

    [Fact]
    public async Task FiftyConcurrentLaunches_WithANewImage_CreateTheCacheOnceAndAllSucceed()
    {
        var cacheRoot = Path.Combine(tools.NewDir("concurrent"), "cache");
        var image = Path.Combine(tools.NewDir("new-image"), "fresh.so");
        File.CreateSymbolicLink(image, tools.DefaultImage);
        var env = new Dictionary<string, string?> { ["JULIA_NET_CACHE_DIR"] = cacheRoot };

        var launches = Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => tools.RunLauncher(["--sysimage", image, "--startup-file=no", "-e", $"print({i}, \" \", DEPOT_PATH[1])"], env)))
            .ToArray();
        var results = await Task.WhenAll(launches);

        Assert.All(results, r => Assert.Equal((0, ""), (r.ExitCode, r.StandardError)));
        var depots = results.Select(r => r.StandardOutput.Split(' ', 2)[1]).Distinct().ToArray();
        var depot = Assert.Single(depots);
        Assert.Equal([depot], Directory.GetFileSystemEntries(Path.Combine(cacheRoot, "depots")));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), results.Select(r => r.StandardOutput.Split(' ')[0]));
    }

    [Fact]
    public void JuliaEnvironment_IsTheUsersPlusExactlyTheDocumentedVariables()
    {
        var env = new Dictionary<string, string?>
        {
            ["ODD VAR"] = "spaces $HOME; 'quotes' \"double\" ü",
            ["MULTILINE"] = "one\ntwo",
            ["EMPTY_ONE"] = "",
        };
        string[] dump = ["--startup-file=no", "-e", "for k in sort(collect(keys(ENV))); println(repr(k), \"=\", repr(ENV[k])); end"];

        var plain = tools.RunJulia(dump, env).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var launched = tools.RunLauncher(dump, env).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Empty(plain.Except(launched));
        Assert.Equal(
            ["\"JULIA_DEPOT_PATH\"", "\"JULIA_NET_LAUNCHER\"", "\"JULIA_NET_USER_DEPOT\""],
            launched.Except(plain).Select(line => line.Split('=')[0]).Order(StringComparer.Ordinal));
        Assert.Contains("\"ODD VAR\"=\"spaces \\$HOME; 'quotes' \\\"double\\\" ü\"", launched);
    }

    [Fact]
    public void Launch_PathsWithSpacesQuotesDollarSemicolonNewlineAndUnicode_ArriveUnchanged()
    {
        var dir = tools.NewDir("we ird $HOME;'\"\n ü");
        var image = Path.Combine(dir, "im age $x;'\".so");
        File.CreateSymbolicLink(image, tools.DefaultImage);
        var script = Path.Combine(dir, "scr ipt;$(id).jl");
        File.WriteAllText(script, "print(unsafe_string(Base.JLOptions().image_file), \"|\", PROGRAM_FILE, \"|\", ARGS[1])");

        var result = tools.RunLauncher(["-J", image, script, "arg $HOME;\n'\""]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal($"{tools.DefaultImage}|{script}|arg $HOME;\n'\"", result.StandardOutput);
    }

    private string Chown(string path, uint user)
    {
        Assert.Equal(0, tools.Run("chown", [$"{user}:{user}", path]).ExitCode);
        return path;
    }

    private static string Chmod(string path, string octal)
    {
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(octal, 8));
        return path;
    }

    private static string Symlink(string path, string target)
    {
        Directory.CreateSymbolicLink(path, target);
        return path;
    }
}
