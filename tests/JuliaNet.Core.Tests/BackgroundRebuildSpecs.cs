using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

/// <summary>
/// Stale images that rebuild themselves (issue 21, part 2), as julia-net plans a launch: a
/// project image out of date is passed over for Julia's default image with its rebuild to
/// start, unless the rebuild of these same inputs failed before; a named image only on request.
/// </summary>
public sealed class BackgroundRebuildSpecs
{
    private const string Julia110 = "/opt/julia-1.10.4/bin/julia";
    private const string DefaultImage110 = "/opt/julia-1.10.4/lib/julia/sys.so";
    private const string Project = Contexts.WorkingDirectory;
    private const string CacheRoot = Contexts.Home + "/.cache/julia-net";
    private const string NamedImage = "/images/app.so";
    private const string Source = Project + "/src/App.jl";
    private const string Path = "/opt/julia-1.10.4/bin:/usr/bin";

    private static readonly string ProjectImage = CacheLayout.ProjectImage(CacheRoot, Project, Julia110, Platform.Linux);

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddExecutable(Julia110)
        .AddExecutable(Contexts.LauncherRealPath)
        .AddElfImage(DefaultImage110)
        .AddElfImage(NamedImage)
        .AddDirectory(Project)
        .AddTextFile(Project + "/Project.toml", "name = \"App\"\n")
        .AddTextFile(Source, "module App end")
        .Touch(Source, 500);

    private readonly Dictionary<string, JuliaInfo> infos = new(StringComparer.Ordinal)
    {
        [Julia110] = new JuliaInfo("1.10.4", DefaultImage110, ["/opt/julia-1.10.4/share/julia"]),
    };

    public BackgroundRebuildSpecs()
    {
        fs.AddElfImage(ProjectImage);
        WriteMetadata(ProjectImage, ["/tools/julia-sysimage", "--project", Project, "--julia", Julia110]);
        WriteMetadata(NamedImage, ["/tools/julia-sysimage", "--project", Project, NamedImage]);
    }

    private void WriteMetadata(string image, string[] rebuild) =>
        fs.AddTextFile(
            image + ".json",
            $$"""{ "juliaVersion": "1.10.4", "rebuild": [{{string.Join(", ", rebuild.Select(a => $"\"{a}\""))}}], "watch": [ { "path": "{{Source}}", "modified": 500, "size": 14 } ] }""");

    private LaunchPlan Plan(string[] args, params (string Name, string Value)[] env) => Planning.Plan(fs, infos, [], Path, args, env);

    private void WriteRecord(string image, RebuildRecord record) => fs.AddTextFile(new ImageFiles(image).RebuildRecord, RebuildRecord.Serialize(record));

    [Fact]
    public void Plan_ProjectImageOutOfDate_RunsJuliasDefaultAndPlansItsRebuild()
    {
        fs.Touch(Source, 501);

        var plan = Plan(["--project", "app.jl"]);

        Assert.Equal([Julia110, "-Cnative", "-J", DefaultImage110, "--project", "app.jl"], plan.Argv);
        Assert.Equal(ImageSource.JuliaDefault, plan.ImageSource);
        Assert.IsType<StaleOutcome.PassedOver>(plan.Stale);
        Assert.Empty(plan.Warnings);
        Assert.Null(plan.Refusal);
        Assert.NotNull(plan.Rebuild);
        Assert.Equal(ProjectImage, plan.Rebuild.Image);
        Assert.Equal($"{Source} changed since it was built", plan.Rebuild.Change);
        Assert.Equal(["/tools/julia-sysimage", "--project", Project, "--julia", Julia110], plan.Rebuild.Command);
        Assert.Null(plan.Rebuild.Failed);
        Assert.Equal(CacheLayout.DepotFor(CacheRoot, Contexts.Launcher, DefaultImage110, Contexts.Home + "/.julia"), plan.CacheDepot);
    }

    [Fact]
    public void Plan_ProjectImageUpToDate_RunsIt()
    {
        var plan = Plan(["--project", "app.jl"]);

        Assert.Equal(ProjectImage, plan.Image);
        Assert.Null(plan.Rebuild);
    }

    [Fact]
    public void Plan_NamedImageOutOfDate_WarnsByDefaultAndRebuildsOnlyWhenAsked()
    {
        fs.Touch(Source, 501);

        var byDefault = Plan(["-J", NamedImage, "app.jl"]);
        var asked = Plan(["-J", NamedImage, "app.jl"], (EnvironmentVariables.Stale, "rebuild"));

        Assert.Equal((NamedImage, StaleMode.Warn), (byDefault.Image, byDefault.Stale!.Mode));
        Assert.Null(byDefault.Rebuild);
        Assert.Equal(DefaultImage110, asked.Image);
        Assert.Equal(NamedImage, asked.Rebuild!.Image);
    }

    [Theory]
    [InlineData("warn", StaleMode.Warn)]
    [InlineData("error", StaleMode.Error)]
    public void Plan_ProjectImageWithAnotherModeAsked_KeepsThatMode(string mode, StaleMode expected)
    {
        fs.Touch(Source, 501);

        var plan = Plan(["--project", "app.jl"], (EnvironmentVariables.Stale, mode));

        Assert.Equal((ProjectImage, expected), (plan.Image, plan.Stale!.Mode));
        Assert.Null(plan.Rebuild);
    }

    [Fact]
    public void Plan_RebuildOfTheseInputsFailedBefore_StartsNone()
    {
        fs.Touch(Source, 501);
        var fingerprint = Plan(["--project", "app.jl"]).Rebuild!.Fingerprint;
        WriteRecord(ProjectImage, new RebuildRecord { State = RebuildState.Failed, Fingerprint = fingerprint, ExitCode = 74, Message = "bad manifest" });

        var plan = Plan(["--project", "app.jl"]);

        Assert.Equal(DefaultImage110, plan.Image);
        Assert.Equal(74, plan.Rebuild!.Failed!.ExitCode);
        Assert.StartsWith(
            $"{ProjectImage} is out of date ({Source} changed since it was built) and its rebuild failed (bad manifest; log: ",
            plan.Rebuild.FailedLine(plan.Rebuild.Failed),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_InputChangedAgainAfterAFailedRebuild_StartsAnother()
    {
        fs.Touch(Source, 501);
        var fingerprint = Plan(["--project", "app.jl"]).Rebuild!.Fingerprint;
        WriteRecord(ProjectImage, new RebuildRecord { State = RebuildState.Failed, Fingerprint = fingerprint, ExitCode = 74 });
        fs.Touch(Source, 502);

        var rebuild = Plan(["--project", "app.jl"]).Rebuild!;

        Assert.NotEqual(fingerprint, rebuild.Fingerprint);
        Assert.Null(rebuild.Failed);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "state": "exploded" }""")]
    public void Plan_UnreadableRebuildRecord_CountsAsNone(string record)
    {
        fs.Touch(Source, 501);
        fs.AddTextFile(new ImageFiles(ProjectImage).RebuildRecord, record);

        var plan = Plan(["--project", "app.jl"]);

        Assert.Equal(DefaultImage110, plan.Image);
        Assert.Null(plan.Rebuild!.Failed);
    }

    [Fact]
    public void Plan_ChildOfALaunch_NeverRebuilds()
    {
        fs.Touch(Source, 501);

        var plan = Plan(
            ["--project", "app.jl"],
            (EnvironmentVariables.DepotPath, CacheRoot + "/depots/app-0123456789abcdef"),
            (EnvironmentVariables.UserDepot, Contexts.Home + "/.julia"));

        Assert.Equal(ProjectImage, plan.Image);
        Assert.Null(plan.Rebuild);
    }

    [Fact]
    public void Plan_NoRebuildCommandRecorded_RunsJuliasDefaultWithAWarning()
    {
        fs.Touch(Source, 501);
        fs.AddTextFile(ProjectImage + ".json", $$"""{ "juliaVersion": "1.10.4", "watch": [ { "path": "{{Source}}", "modified": 500, "size": 14 } ] }""");

        var plan = Plan(["--project", "app.jl"]);

        Assert.Equal(DefaultImage110, plan.Image);
        Assert.Null(plan.Rebuild);
        Assert.Equal(
            [$"{ProjectImage} is out of date ({Source} changed since it was built) and cannot be rebuilt in the background: its metadata records no rebuild command; this run uses Julia's default image"],
            plan.Warnings);
    }

    [Fact]
    public void Plan_ProjectImageWithUnreadableMetadata_RunsJuliasDefaultWithAWarningSayingHowToRebuild()
    {
        fs.AddTextFile(ProjectImage + ".json", "{ half");

        var plan = Plan(["--project", "app.jl"]);

        Assert.Equal(DefaultImage110, plan.Image);
        Assert.StartsWith($"image metadata is not valid JSON: {ProjectImage}.json (", plan.ImageWarning, StringComparison.Ordinal);
        Assert.EndsWith($": running Julia's default image; rebuild the project's image: julia-sysimage --project {Project} --julia {Julia110}", plan.ImageWarning, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NamedImageWithUnreadableMetadata_IsStillAnError()
    {
        fs.AddTextFile(NamedImage + ".json", "{ half");

        var error = Assert.Throws<UserError>(() => Plan(["-J", NamedImage, "app.jl"]));

        Assert.Equal(ExitCode.ImageMetadataInvalid, error.ExitCode);
    }

    [Fact]
    public void RebuildRequest_ThroughTheRebuildsEnvironment_ArrivesAsSentAndKeepsTheUsersVariables()
    {
        var rebuild = new BackgroundRebuild(ProjectImage, "x changed", ["/tools/julia-sysimage"], "f00d", null);

        var environment = rebuild.Request.AddTo(new Dictionary<string, string> { ["HOME"] = Contexts.Home, ["JULIA_PROJECT"] = Project });
        var received = RebuildRequest.From(new ProcessFacts(environment, "/elsewhere", Contexts.Home, "/tools/julia-sysimage", [], Platform.Linux));

        Assert.Equal(new RebuildRequest(ProjectImage, "f00d"), received);
        Assert.Equal(ProjectImage, environment[EnvironmentVariables.RebuildOf]);
        Assert.Equal(Project, environment["JULIA_PROJECT"]);
    }

    [Fact]
    public void RebuildRequest_InAnEnvironmentWithoutOne_IsNone()
    {
        Assert.Null(RebuildRequest.From(new ProcessFacts(new Dictionary<string, string> { ["HOME"] = Contexts.Home }, "/w", Contexts.Home, "/tools/julia-sysimage", [], Platform.Linux)));
    }

    [Fact]
    public void Record_RoundTrips()
    {
        var record = new RebuildRecord
        {
            State = RebuildState.Failed, Fingerprint = "abc", Pid = 42, ExitCode = 67, Message = "julia not found",
            StartedAt = new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero), Log = "/i/.sys.so.rebuild.log", Command = ["/t/julia-sysimage", "/i/sys.so"],
        };

        var read = RebuildRecord.Parse(System.Text.Encoding.UTF8.GetBytes(RebuildRecord.Serialize(record)), "/i/.sys.so.rebuild.json", out var unreadable);

        Assert.Null(unreadable);
        Assert.NotNull(read);
        Assert.Equal(record with { Command = read.Command }, read);
        Assert.Equal(record.Command, read.Command);
    }

    [Fact]
    public void Record_Unreadable_CountsAsNoneWithOneLineNamingTheFile()
    {
        var read = RebuildRecord.Parse("[1"u8, "/i/.sys.so.rebuild.json", out var unreadable);

        Assert.Null(read);
        Assert.NotNull(unreadable);
        Assert.StartsWith("the background rebuild record /i/.sys.so.rebuild.json is unreadable (", unreadable, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', unreadable);
    }

    [Fact]
    public void Record_UnreadableAtAPathWithANewline_IsStillOneLine()
    {
        RebuildRecord.Parse("{\"state\":\"done\"}"u8, "/i/a\nb/.sys.so.rebuild.json", out var unreadable);

        Assert.Equal("the background rebuild record /i/a\\nb/.sys.so.rebuild.json is unreadable (not a rebuild record)", unreadable);
    }

    [Fact]
    public void Fingerprint_ChangesWithAnyStampAndOnlyThen()
    {
        IReadOnlyList<WatchedPath> watched = [new WatchedPath(Source, 500, 14), new WatchedPath(Project + "/src", 1)];
        fs.AddDirectory(Project + "/src");
        var before = StaleCheck.Fingerprint(watched, fs);

        var same = StaleCheck.Fingerprint(watched, fs);
        fs.Touch(Source, 777);
        var touched = StaleCheck.Fingerprint(watched, fs);

        Assert.Equal(before, same);
        Assert.NotEqual(before, touched);
    }
}
