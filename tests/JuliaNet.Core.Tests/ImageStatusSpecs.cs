using System.Text.Json;
using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Images;

namespace JuliaNet.Core.Tests;

/// <summary><c>julia-sysimage status</c>'s report (issue 21, part 3): packages against the manifest now, every change since the build.</summary>
public sealed class ImageStatusSpecs
{
    private const string Image = "/work/app/sys.so";

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddTextFile("/work/app/Project.toml", "x").Touch("/work/app/Project.toml", 100)
        .AddTextFile("/work/app/Manifest.toml", "y").Touch("/work/app/Manifest.toml", 100)
        .AddTextFile("/work/app/Helper/src/Helper.jl", "z").Touch("/work/app/Helper/src/Helper.jl", 100);

    private static readonly ImageMetadata Metadata = new()
    {
        Julia = "/opt/julia-1.10.8/bin/julia", JuliaVersion = "1.10.8", CpuTarget = "native", Project = "/work/app",
        Packages = [new ImagePackage("App", "u-app", "0.1.0"), new ImagePackage("Helper", "u-helper", "0.2.0", "/work/app/Helper")],
        Dependencies = [new ImagePackage("JSON", "u-json", "0.21.4")],
        BuildTime = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero), BuildSeconds = 185.4, PeakMemoryBytes = 3L << 30,
        Rebuild = ["julia-sysimage", "--project", "/work/app", "--julia", "/opt/julia-1.10.8/bin/julia"],
        Watch = [new WatchedPath("/work/app/Project.toml", 100, 1), new WatchedPath("/work/app/Manifest.toml", 100, 1), new WatchedPath("/work/app/Helper/src/Helper.jl", 100, 1)],
    };

    private static readonly ProjectPackage[] SameManifest =
        [new("App", "u-app", "0.1.0", null), new("Helper", "u-helper", "0.2.0", "Helper"), new("JSON", "u-json", "0.21.4", null)];

    [Fact]
    public void Of_NothingChanged_IsUpToDateWithEveryPackageAsInTheManifest()
    {
        var status = ImageStatus.Of(Image, Metadata, SameManifest, fs);

        Assert.True(status.UpToDate);
        Assert.Empty(status.Changes);
        Assert.All(status.Packages, p => Assert.False(p.Changed));
        Assert.Equal([true, true, false], status.Packages.Select(p => p.Requested));
    }

    [Fact]
    public void Of_ManifestMovedAVersionAndDroppedAPackage_NamesBothAndEveryChangedFile()
    {
        fs.Touch("/work/app/Manifest.toml", 200).Touch("/work/app/Helper/src/Helper.jl", 300);

        ProjectPackage[] moved = [SameManifest[0], SameManifest[1], new("JSON", "u-json", "0.21.5", null)];
        var status = ImageStatus.Of(Image, Metadata, moved, fs);
        var dropped = ImageStatus.Of(Image, Metadata, SameManifest[..2], fs);

        Assert.False(status.UpToDate);
        Assert.Equal(["/work/app/Manifest.toml changed since it was built", "/work/app/Helper/src/Helper.jl changed since it was built"], status.Changes);
        Assert.Equal(("0.21.4", "0.21.5", true), (status.Packages[2].InImage, status.Packages[2].Now, status.Packages[2].Changed));
        Assert.False(dropped.Packages[2].InManifest);
        Assert.False(dropped.UpToDate);
        Assert.Contains("  JSON 0.21.4 (dependency): manifest now 0.21.5\n", status.Text(), StringComparison.Ordinal);
        Assert.Contains("  JSON 0.21.4 (dependency): no longer in the manifest\n", dropped.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_UpToDate_SaysHowItWasBuiltAndMarksPathPackages()
    {
        var text = ImageStatus.Of(Image, Metadata, SameManifest, fs).Text();

        Assert.StartsWith(
            "image:        /work/app/sys.so\nstate:        up to date\ncontent:      not checked (no SHA-256 recorded: built by an older julia-sysimage)\njulia:        1.10.8 (/opt/julia-1.10.8/bin/julia)\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("build time:   185.4 s\npeak memory:  3072 MB\n", text, StringComparison.Ordinal);
        Assert.Contains("rebuild:      julia-sysimage --project /work/app --julia /opt/julia-1.10.8/bin/julia\n", text, StringComparison.Ordinal);
        Assert.Contains("  Helper 0.2.0 [path /work/app/Helper]: as in the manifest\n", text, StringComparison.Ordinal);
        Assert.EndsWith("changed since the build: nothing\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IsOneObjectWithTheSameFacts()
    {
        fs.Touch("/work/app/Project.toml", 200);

        using var json = JsonDocument.Parse(ImageStatus.Of(Image, Metadata, SameManifest, fs).Json());
        var root = json.RootElement;

        Assert.False(root.GetProperty("upToDate").GetBoolean());
        Assert.Equal("1.10.8", root.GetProperty("juliaVersion").GetString());
        Assert.Equal(185.4, root.GetProperty("buildSeconds").GetDouble());
        Assert.Equal(3L << 30, root.GetProperty("peakMemoryBytes").GetInt64());
        Assert.Equal(["App", "Helper", "JSON"], root.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
        Assert.Equal("/work/app/Helper", root.GetProperty("packages")[1].GetProperty("path").GetString());
        Assert.Equal(["/work/app/Project.toml changed since it was built"], root.GetProperty("changes").EnumerateArray().Select(c => c.GetString()!));
    }

    [Fact]
    public void Of_ContentVerified_SaysSoInTextAndJson()
    {
        var status = ImageStatus.Of(Image, Metadata with { ImageSha256 = "ab12" }, SameManifest, fs, content: ImageContent.Verified);

        Assert.Contains("state:        up to date\ncontent:      verified (SHA-256 as recorded at the build)\n", status.Text(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(status.Json());
        Assert.Equal(("verified", "ab12"), (json.RootElement.GetProperty("content").GetString(), json.RootElement.GetProperty("imageSha256").GetString()));
    }

    [Fact]
    public void Json_NoDigestRecorded_ContentIsNotChecked()
    {
        using var json = JsonDocument.Parse(ImageStatus.Of(Image, Metadata, SameManifest, fs).Json());

        Assert.Equal("notChecked", json.RootElement.GetProperty("content").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("imageSha256").ValueKind);
    }

    [Fact]
    public void Of_NoProject_ComparesNoPackages()
    {
        var status = ImageStatus.Of(Image, Metadata with { Project = null, Watch = [] }, null, fs);

        Assert.True(status.UpToDate);
        Assert.All(status.Packages, p => Assert.Null(p.InManifest));
    }
    [Fact]
    public void Of_BackgroundRebuildFailed_ShowsItsErrorAndLogInTextAndJson()
    {
        var failed = new RebuildRecord
        {
            State = RebuildState.Failed, ExitCode = 74, Message = "Manifest.toml line 9: not a UUID", Log = "/work/app/.sys.so.rebuild.log",
            StartedAt = new DateTimeOffset(2026, 12, 4, 11, 0, 0, TimeSpan.Zero), FinishedAt = new DateTimeOffset(2026, 12, 4, 11, 0, 2, TimeSpan.Zero),
        };

        var status = ImageStatus.Of(Image, Metadata, SameManifest, fs, failed, building: false);

        Assert.Contains(
            "background:   rebuild failed at 2026-12-04 11:00:02 UTC (exit 74): Manifest.toml line 9: not a UUID; log: /work/app/.sys.so.rebuild.log; tried again when an input changes\n",
            status.Text(),
            StringComparison.Ordinal);
        using var json = JsonDocument.Parse(status.Json());
        var background = json.RootElement.GetProperty("backgroundRebuild");
        Assert.Equal(("failed", 74, "/work/app/.sys.so.rebuild.log"), (background.GetProperty("state").GetString(), background.GetProperty("exitCode").GetInt32(), background.GetProperty("log").GetString()));
    }

    [Fact]
    public void Of_BuildHoldingTheLock_IsRunning_AndARunningRecordWithoutItIsNone()
    {
        var running = new RebuildRecord { State = RebuildState.Running, Pid = 4242, StartedAt = new DateTimeOffset(2026, 12, 4, 11, 0, 0, TimeSpan.Zero), Log = "/l" };

        var rebuilding = ImageStatus.Of(Image, Metadata, SameManifest, fs, running, building: true);
        var foreground = ImageStatus.Of(Image, Metadata, SameManifest, fs, null, building: true);
        var died = ImageStatus.Of(Image, Metadata, SameManifest, fs, running, building: false);

        Assert.Contains("background:   rebuilding since 2026-12-04 11:00:00 UTC (pid 4242; log: /l)\n", rebuilding.Text(), StringComparison.Ordinal);
        Assert.Contains("background:   a build of this image is running (it holds the build lock)\n", foreground.Text(), StringComparison.Ordinal);
        Assert.Contains("background:   none\n", died.Text(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(died.Json());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("backgroundRebuild").ValueKind);
    }
}
