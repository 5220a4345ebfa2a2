using System.Text.Json;
using System.Text.RegularExpressions;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// One project image per test run, built for the background rebuild specs (which change its
/// project): a package project with a path dependency Helper, built with <c>--julia</c> naming
/// a symlink to the Julia under test, so a spec can take that Julia away from the recorded
/// rebuild command while julia-net (which keys project images by the real path) still finds it.
/// </summary>
public sealed class RebuildableImageFixture : IDisposable
{
    public RebuildableImageFixture()
    {
        Tools = new Tools();
        Project = Path.Combine(Tools.Root, "rebuilt app");
        TestProjects.Write(Project, TestProjects.PackageProject(1));
        JuliaLink = Path.Combine(Tools.NewDir("julia link"), "julia");
        File.CreateSymbolicLink(JuliaLink, Tools.Julia);
        built = new(() =>
        {
            var build = Tools.BuildImage(["--julia", JuliaLink], cwd: Project);
            var image = Tools.RunLauncher(["--julia-net-info", "--project=" + Project]) is { ExitCode: 0 } info
                ? JsonDocument.Parse(info.StandardOutput).RootElement.GetProperty("sysimage").GetString()!
                : "";
            return (build, image);
        });
    }

    /// <summary>Built by the first spec that asks: on a Julia where every spec of the collection is skipped, never.</summary>
    private readonly Lazy<(BufferedCommandResult Build, string Image)> built;

    public Tools Tools { get; }

    public string Project { get; }

    public string JuliaLink { get; }

    public BufferedCommandResult Build => built.Value.Build;

    public string Image => built.Value.Image;

    public string Helper => Path.Combine(Project, "Helper", "src", "Helper.jl");

    public string Log => new Images.ImageFiles(Image).RebuildLog;

    public string Record => new Images.ImageFiles(Image).RebuildRecord;

    /// <summary>Waits for the background rebuild to end: its log has its last line and its lock is gone.</summary>
    public string WaitForRebuild()
    {
        var deadline = DateTime.UtcNow + Tools.ImageBuildTime;
        var lockFile = Path.Combine(Path.GetDirectoryName(Image)!, "." + Path.GetFileName(Image) + ".lock");
        while (DateTime.UtcNow < deadline)
        {
            var log = File.Exists(Log) ? File.ReadAllText(Log) : "";
            if ((log.Contains("julia-sysimage: wrote ", StringComparison.Ordinal) || log.Contains(" is up to date (use --force", StringComparison.Ordinal)
                    || log.Contains("julia-sysimage: error: ", StringComparison.Ordinal)) && !File.Exists(lockFile))
            {
                Thread.Sleep(500); // the record is written after the last line
                return File.ReadAllText(Log);
            }

            Thread.Sleep(500);
        }

        throw new TimeoutException($"the background rebuild did not end within {Tools.ImageBuildTime}: {Log}");
    }

    /// <summary>Back to an up-to-date image and no record, whatever a spec left: the Helper as built, the Julia link, a foreground build.</summary>
    public void Settle(string helperText)
    {
        File.WriteAllText(Helper, helperText);
        if (!File.Exists(JuliaLink))
        {
            File.CreateSymbolicLink(JuliaLink, Tools.Julia);
        }

        var build = Tools.BuildImage(["--julia", JuliaLink], cwd: Project);
        Assert.True(build.ExitCode == 0, build.StandardError);
        Assert.False(File.Exists(Record), "a successful build removes the rebuild record");
    }

    public void Dispose() => Tools.Dispose();
}

/// <summary>The specs that change the rebuildable image's project, one at a time, on one image.</summary>
[CollectionDefinition(Name)]
public sealed class RebuildableImageCollection : ICollectionFixture<RebuildableImageFixture>
{
    public const string Name = "rebuildable project image";
}

/// <summary>
/// Issue 21, part 2: a project image out of date rebuilds itself. The launch that finds it out
/// of date runs Julia's default image and starts one detached rebuild (racing launches start
/// one build between them), the next launch after it runs the new image; a failed rebuild is
/// recorded, shown by <c>status</c> and not retried until an input changes again; a rebuild
/// command whose Julia is gone fails that way too.
/// </summary>
[Collection(RebuildableImageCollection.Name)]
public sealed class BackgroundRebuildSpecs(RebuildableImageFixture fixture)
{
    /// <summary>Why these specs run on the suite's first Julia only (<see cref="SuiteRound"/>).</summary>
    public const string FirstJuliaOnly =
        "the background rebuild (stale check, detached start, lock, record) is julia-net's and julia-sysimage's, the same on every Julia; " +
        "the rebuild itself is an ordinary build, which every image fixture proves on each Julia";

    private const string ImageFile = "print(unsafe_string(Base.JLOptions().image_file))";

    private Tools Tools => fixture.Tools;

    private BufferedCommandResult Launch(string code) => Tools.RunLauncher(["--project", "-e", code], cwd: fixture.Project);

    private BufferedCommandResult Status() => Tools.Run(Tools.Sysimage, ["status", "--json"], cwd: fixture.Project);

    private string Background(BufferedCommandResult status)
    {
        using var json = JsonDocument.Parse(status.StandardOutput);
        return json.RootElement.GetProperty("backgroundRebuild") is { ValueKind: JsonValueKind.Object } b ? b.GetProperty("state").GetString()! : "none";
    }

    [FirstJuliaFact(FirstJuliaOnly)]
    public async Task OutOfDateProjectImage_RebuildsOnceInTheBackground_AndTheNextLaunchRunsTheNewCode()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.StandardError);
        var helperText = File.ReadAllText(fixture.Helper).Replace("end\n", $"added() = 42\nend\n", StringComparison.Ordinal);
        try
        {
            File.WriteAllText(fixture.Helper, helperText); // kept: the image this spec rebuilds holds it
            File.Delete(fixture.Log);

            var launches = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Launch(ImageFile))));
            var during = Status();
            var log = fixture.WaitForRebuild();
            var after = Launch(ImageFile + "; using Helper; print(' ', Helper.added())");

            foreach (var launch in launches)
            {
                Assert.True(launch.ExitCode == 0, launch.StandardError);
                Assert.Equal(Tools.DefaultImage, launch.StandardOutput);
                Assert.Matches(
                    $@"^julia-net: {Regex.Escape(fixture.Image)} is out of date \({Regex.Escape(fixture.Helper)} changed since it was built\)(: rebuilding it in the background| and is being rebuilt) \(log: {Regex.Escape(fixture.Log)}\); this run uses Julia's default image\n$",
                    launch.StandardError);
            }

            Assert.Equal(80, during.ExitCode);
            Assert.Equal("running", Background(during));
            Assert.Single(Regex.Matches(log, "^julia-sysimage: background rebuild of ", RegexOptions.Multiline));
            Assert.Single(Regex.Matches(log, "^julia-sysimage: wrote ", RegexOptions.Multiline));
            Assert.True(after.ExitCode == 0, after.StandardError);
            Assert.Equal($"{fixture.Image} 42", after.StandardOutput);
            Assert.Equal("", after.StandardError);
            Assert.Equal(0, Status().ExitCode);
            Assert.False(File.Exists(fixture.Record));
        }
        finally
        {
            fixture.Settle(helperText);
        }
    }

    [FirstJuliaFact(FirstJuliaOnly)]
    public void FailedRebuild_IsRecordedShownByStatusAndNotRetriedUntilAnInputChanges()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.StandardError);
        var helperText = File.ReadAllText(fixture.Helper);
        var manifest = Path.Combine(fixture.Project, "Manifest.toml");
        var manifestText = File.ReadAllText(manifest);
        try
        {
            File.WriteAllText(manifest, manifestText + "[[Broken]]\nuuid = \"not a uuid\"\n");
            File.Delete(fixture.Log);

            var first = Launch(ImageFile);
            fixture.WaitForRebuild();
            var record = File.ReadAllText(fixture.Record);
            var second = Launch(ImageFile);
            var recordAfterSecond = File.ReadAllText(fixture.Record);
            var status = Tools.Run(Tools.Sysimage, ["status"], cwd: fixture.Project);
            File.WriteAllText(manifest, manifestText); // an input changes again: the content as built
            var third = Launch(ImageFile);
            var log = fixture.WaitForRebuild();
            var fourth = Launch(ImageFile);

            Assert.Contains(": rebuilding it in the background (log: ", first.StandardError, StringComparison.Ordinal);
            Assert.Equal(Tools.DefaultImage, second.StandardOutput);
            Assert.Matches(
                $@"^julia-net: {Regex.Escape(fixture.Image)} is out of date \({Regex.Escape(manifest)} changed since it was built\) and its rebuild failed \(.*Manifest\.toml.*; log: {Regex.Escape(fixture.Log)}\); this run uses Julia's default image; it is tried again when an input changes, or run: \S.*\n$",
                second.StandardError);
            Assert.Equal(record, recordAfterSecond); // the second launch started nothing
            Assert.Equal(80, status.ExitCode);
            Assert.Matches(@"\nbackground:   rebuild failed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(exit 74\): .*; log: \S.*; tried again when an input changes\n", status.StandardOutput);
            Assert.Contains(": rebuilding it in the background (log: ", third.StandardError, StringComparison.Ordinal);
            Assert.Contains(" is up to date (use --force", log, StringComparison.Ordinal); // the content is as built: only the stamps are new
            Assert.Equal(fixture.Image, fourth.StandardOutput);
            Assert.Equal("", fourth.StandardError);
            Assert.False(File.Exists(fixture.Record));
        }
        finally
        {
            File.WriteAllText(manifest, manifestText);
            fixture.Settle(helperText);
        }
    }

    [FirstJuliaFact(FirstJuliaOnly)]
    public void RebuildCommandWhoseJuliaIsGone_FailsOnceWithARecordNamingIt()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.StandardError);
        var helperText = File.ReadAllText(fixture.Helper);
        try
        {
            File.Delete(fixture.JuliaLink);
            File.WriteAllText(fixture.Helper, helperText + "# changed\n");
            File.Delete(fixture.Log);

            var first = Launch(ImageFile);
            fixture.WaitForRebuild();
            var second = Launch(ImageFile);

            Assert.True(first.ExitCode == 0, first.StandardError);
            Assert.Equal(Tools.DefaultImage, first.StandardOutput);
            Assert.Contains($"and its rebuild failed (", second.StandardError, StringComparison.Ordinal);
            Assert.Contains(fixture.JuliaLink, second.StandardError, StringComparison.Ordinal);
            Assert.Single(second.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            using var record = JsonDocument.Parse(File.ReadAllText(fixture.Record));
            Assert.Equal("failed", record.RootElement.GetProperty("state").GetString());
            Assert.Equal(67, record.RootElement.GetProperty("exitCode").GetInt32());
            Assert.False(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(fixture.Image)!, ".julia-sysimage-*").Any(), "no build directory is left");
        }
        finally
        {
            fixture.Settle(helperText);
        }
    }

    [FirstJuliaFact(FirstJuliaOnly)]
    public void ChildOfALaunch_FindingTheImageOutOfDate_NeitherSaysNorRebuilds()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.StandardError);
        var helperText = File.ReadAllText(fixture.Helper);
        try
        {
            File.Delete(fixture.Log);
            var helper = fixture.Helper.Replace("\\", "\\\\", StringComparison.Ordinal);

            // The parent runs the project image (up to date), makes it out of date, then starts a
            // child through the image's julia_cmd(), i.e. julia-net with -J the image.
            var parent = Tools.RunLauncher(
                ["--project", "-e", $"{ImageFile}; println(); open(io -> write(io, \"# changed\\n\"), \"{helper}\", \"a\"); run(`$(Base.julia_cmd()) --startup-file=no -e 'print(2)'`)"],
                new Dictionary<string, string?> { ["JULIA_NET_STALE"] = "rebuild" },
                cwd: fixture.Project);

            Assert.True(parent.ExitCode == 0, parent.StandardError);
            Assert.Equal($"{fixture.Image}\n2", parent.StandardOutput);
            Assert.Equal("", parent.StandardError);
            Assert.False(File.Exists(fixture.Log), "no rebuild was started");
        }
        finally
        {
            fixture.Settle(helperText);
        }
    }
}
