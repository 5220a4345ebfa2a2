namespace JuliaNet.IntegrationTests;

/// <summary>
/// Workers on other machines: Distributed's SSH cluster manager, against a real OpenSSH server
/// on the loopback address, starts workers that come back through julia-net with the same image.
/// The "remote" sessions get a cache root and depot of the test's own (sshd's SetEnv).
/// </summary>
[Collection(PackageProjectCollection.Name)]
public sealed class SshWorkerSpecs(PackageProjectFixture image)
{
    private Tools Tools => image.Tools;

    [Fact]
    public void SshWorker_FromAnImageRunByJuliaNet_RunsThroughJuliaNetOnTheSameImage()
    {
        var remoteCache = Path.Combine(Tools.NewDir("remote"), "cache");
        var remoteDepot = Tools.NewDir("remote-depot");
        using var sshd = new SshServer(Tools, new Dictionary<string, string> { ["JULIA_NET_CACHE_DIR"] = remoteCache, ["JULIA_DEPOT_PATH"] = remoteDepot });
        var flags = string.Join(' ', sshd.SshFlags);
        var code = $$"""
            using Distributed
            p = addprocs([("127.0.0.1", 1)]; sshflags = `{{flags}}`)[1]
            print(join(remotecall_fetch(() -> (unsafe_string(Base.JLOptions().image_file), ENV["JULIA_NET_LAUNCHER"], DEPOT_PATH[1], {{Tools.JuliaCmdHead}}), p), '\n'))
            """;

        var result = Tools.RunLauncher(["--sysimage", image.Output, "-e", code]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var (imageFile, launcher, depot, juliaCmd) = result.StandardOutput.Split('\n') is [var a, var b, var c, var d] ? (a, b, c, d) : throw new Xunit.Sdk.XunitException(result.StandardOutput);
        Assert.Equal(image.Output, imageFile);
        Assert.Equal(Tools.Launcher, launcher);
        Assert.StartsWith(Path.Combine(remoteCache, "depots") + "/", depot, StringComparison.Ordinal);
        Assert.Equal($"{Tools.Launcher} {Tools.CpuNative} -J{image.Output}", juliaCmd);
    }
}
