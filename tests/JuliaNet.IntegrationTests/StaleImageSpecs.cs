using JuliaNet.Paths;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// julia-net flags an image whose inputs changed since it was built (one line, then Julia runs),
/// or refuses it with JULIA_NET_STALE=error. Each test changes the package's source and puts it
/// back exactly (content and modification time), so the image is up to date again afterwards.
/// </summary>
[Collection(PackageProjectCollection.Name)]
public sealed class StaleImageSpecs(PackageProjectFixture image)
{
    private Tools Tools => image.Tools;

    private string Rebuild => ShellWords.Join([Tools.Sysimage, "--project", image.Project, "--script", Path.Combine(image.Project, "precompile.jl"), "--launcher", image.LauncherCopy, image.Output]);

    [Fact]
    public void Launch_UpToDateImage_SaysNothing()
    {
        var result = Tools.RunLauncher(["--sysimage", image.Output, "-e", "print(1)"]);

        Assert.Equal(("1", ""), (result.StandardOutput, result.StandardError));
    }

    [Fact]
    public void Launch_AfterTheSourceChanged_WarnsOnceNamingTheFileAndTheRebuildCommandAndRunsJulia()
    {
        WithSourceEdited(() =>
        {
            // a Distributed worker comes back through julia-net: it does not warn again
            var result = Tools.RunLauncher(["--sysimage", image.Output, "-e", "using Distributed; addprocs(1); print(remotecall_fetch(() -> 2, 2))"]);

            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.Equal("2", result.StandardOutput);
            // Julia's own lines may follow: from 1.12 `using` shows its precompiling of Distributed
            // (not in this image) for the (launcher, image) cache
            var lines = result.StandardError.Split('\n');
            Assert.Equal($"julia-net: warning: {image.Output} is out of date: {image.Source} changed since it was built; rebuild: {Rebuild}", lines[0]);
            Assert.DoesNotContain(lines[1..], l => l.StartsWith("julia-net:", StringComparison.Ordinal)); // warned once: the worker did not
        });
    }

    [Fact]
    public void Launch_AfterTheSourceChangedWithStaleError_Exits80BeforeJuliaStarts()
    {
        WithSourceEdited(() =>
        {
            var result = Tools.RunLauncher(["--sysimage", image.Output, "-e", "print(1)"], new Dictionary<string, string?> { ["JULIA_NET_STALE"] = "error" });

            Assert.Equal(80, result.ExitCode);
            Assert.Equal("", result.StandardOutput);
            Assert.Equal($"julia-net: error: {image.Output} is out of date: {image.Source} changed since it was built; rebuild: {Rebuild}\n", result.StandardError);
        });
    }

    [Fact]
    public void Launch_AfterTheSourceChangedWithStaleIgnore_SaysNothing()
    {
        WithSourceEdited(() =>
        {
            var result = Tools.RunLauncher(["--sysimage", image.Output, "-e", "print(1)"], new Dictionary<string, string?> { ["JULIA_NET_STALE"] = "ignore" });

            Assert.Equal(("1", ""), (result.StandardOutput, result.StandardError));
        });
    }

    [Fact]
    public void Launch_AfterAFileWasAddedToSrc_WarnsNamingTheDirectory()
    {
        var src = Path.GetDirectoryName(image.Source)!;
        var mtime = new Mtime(Tools, src);
        var added = Path.Combine(src, "extra.jl");
        try
        {
            File.WriteAllText(added, "# new\n");

            var result = Tools.RunLauncher(["--sysimage", image.Output, "-e", "print(1)"]);

            Assert.Equal("1", result.StandardOutput);
            Assert.StartsWith($"julia-net: warning: {image.Output} is out of date: an entry of {src} was added, removed or renamed since it was built; rebuild: ", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(added);
            mtime.Restore();
        }
    }

    [Fact]
    public void Info_AfterTheSourceChanged_ReportsWhatChanged()
    {
        WithSourceEdited(() =>
        {
            var info = InfoJson.Read(Tools, Tools.Launcher, "--sysimage", image.Output);

            Assert.Equal($"{image.Source} changed since it was built", info.GetProperty("stale").GetString());
        });
    }

    [Fact]
    public void Launch_ReadsTheLaunchRecordOnlyWhileTheMetadataFileKeepsItsSizeAndTime()
    {
        var metadata = image.Output + ".json";
        var original = File.ReadAllBytes(metadata);
        var mtime = new Mtime(Tools, metadata);
        try
        {
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(image.Output)!, "." + Path.GetFileName(image.Output) + ".launch")));
            File.WriteAllBytes(metadata, [.. Enumerable.Repeat((byte)'x', original.Length)]); // not JSON, same size
            mtime.Restore();

            var fromRecord = Tools.RunLauncher(["--sysimage", image.Output, "-e", "print(1)"]);
            File.SetLastWriteTimeUtc(metadata, DateTime.UtcNow);
            var fromJson = Tools.RunLauncher(["--sysimage", image.Output, "-e", "print(1)"]);

            Assert.Equal((0, "1", ""), (fromRecord.ExitCode, fromRecord.StandardOutput, fromRecord.StandardError));
            Assert.Equal(84, fromJson.ExitCode);
            Assert.StartsWith($"julia-net: error: image metadata is not valid JSON: {metadata} (", fromJson.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.WriteAllBytes(metadata, original);
            mtime.Restore();
        }

        Assert.Equal("", Tools.RunLauncher(["--sysimage", image.Output, "-e", "0"]).StandardError);
    }

    private void WithSourceEdited(Action test)
    {
        var original = File.ReadAllBytes(image.Source);
        var mtime = new Mtime(Tools, image.Source);
        try
        {
            File.AppendAllText(image.Source, "# edited after the image was built\n");
            test();
        }
        finally
        {
            File.WriteAllBytes(image.Source, original);
            mtime.Restore();
        }

        Assert.Equal("", Tools.RunLauncher(["--sysimage", image.Output, "-e", "0"]).StandardError); // up to date again
    }
}
