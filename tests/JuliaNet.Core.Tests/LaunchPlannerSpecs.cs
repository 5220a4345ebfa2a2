using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Processes;
using Snapshooter.Xunit;

namespace JuliaNet.Core.Tests;

public sealed class LaunchPlannerSpecs
{
    private const string Julia110 = "/opt/julia-1.10.4/bin/julia";
    private const string Julia19 = "/opt/julia-1.9.4/bin/julia";
    private const string DefaultImage110 = "/opt/julia-1.10.4/lib/julia/sys.so";
    private const string DefaultImage19 = "/opt/julia-1.9.4/lib/julia/sys.so";
    private const string AppImage = "/work/project/images/app.so";
    private const string EnvImage = "/images/env.so";
    private const string Path = "/opt/julia-1.10.4/bin:/usr/bin";

    private static readonly IReadOnlyList<string> SystemDepots110 = ["/opt/julia-1.10.4/local/share/julia", "/opt/julia-1.10.4/share/julia"];

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddExecutable(Julia110)
        .AddExecutable(Julia19)
        .AddExecutable(Contexts.LauncherRealPath)
        .AddElfImage(DefaultImage110)
        .AddElfImage(DefaultImage19)
        .AddElfImage(AppImage)
        .AddElfImage(EnvImage);

    private readonly Dictionary<string, JuliaInfo> infos = new(StringComparer.Ordinal)
    {
        [Julia110] = new JuliaInfo("1.10.4", DefaultImage110, SystemDepots110),
        [Julia19] = new JuliaInfo("1.9.4", DefaultImage19, ["/opt/julia-1.9.4/share/julia"]),
    };

    private readonly List<string> probed = [];

    private LaunchPlan Plan(string[] args, params (string Name, string Value)[] env) => Planning.Plan(fs, infos, probed, Path, args, env);

    private void WriteMetadata(string image, string json) => fs.AddTextFile(image + ".json", json);

    [Fact]
    public void Plan_NoCpuTarget_ArgvIsJuliaNativeImageThenRest()
    {
        var plan = Plan(["-J", AppImage, "-q", "script.jl", "a b", ""]);

        Assert.Equal([Julia110, "-Cnative", "-J", AppImage, "-q", "script.jl", "a b", ""], plan.Argv);
        Assert.Equal(Julia110, plan.Julia);
        Assert.Equal(AppImage, plan.Image);
        Assert.Equal("native", plan.CpuTarget);
        Assert.Equal("1.10.4", plan.JuliaVersion);
        Assert.Equal(Contexts.Launcher, plan.Launcher);
    }

    [Theory]
    [InlineData("-C", "generic")]
    [InlineData("-Cgeneric")]
    [InlineData("--cpu-target", "generic")]
    [InlineData("--cpu-target=generic")]
    public void Plan_UserGaveCpuTarget_NoNativeTargetIsAdded(params string[] cpu)
    {
        var plan = Plan(["-J", AppImage, .. cpu, "script.jl"]);

        Assert.Equal([Julia110, "-J", AppImage, .. cpu, "script.jl"], plan.Argv);
        Assert.Equal("generic", plan.CpuTarget);
    }

    [Fact]
    public void Plan_CpuTargetAfterProgramFile_IsAProgramArgumentAndNativeIsAdded()
    {
        var plan = Plan(["-J", AppImage, "script.jl", "-C", "generic"]);

        Assert.Equal([Julia110, "-Cnative", "-J", AppImage, "script.jl", "-C", "generic"], plan.Argv);
        Assert.Equal("native", plan.CpuTarget);
    }

    [Theory]
    [InlineData("-J", "images/app.so")]
    [InlineData("-J", "./images/app.so")]
    [InlineData("-Jimages/app.so")]
    [InlineData("--sysimage=../project/images/app.so")]
    [InlineData("--sysimage", "/work/project/images/../images/app.so")]
    public void Plan_RelativeImage_IsMadeAbsoluteAgainstWorkingDirectory(params string[] image)
    {
        var plan = Plan([.. image, "-e", "1"]);

        Assert.Equal(AppImage, plan.Image);
        Assert.Equal([Julia110, "-Cnative", "-J", AppImage, "-e", "1"], plan.Argv);
    }

    [Theory]
    [InlineData(EnvImage, EnvImage)]
    [InlineData("images/app.so", AppImage)]
    public void Plan_SysimageEnvironmentAndNoJ_UsesEnvironmentImage(string value, string expected)
    {
        var plan = Plan(["-e", "1"], (EnvironmentVariables.Sysimage, value));

        Assert.Equal(expected, plan.Image);
        Assert.Equal([Julia110, "-Cnative", "-J", expected, "-e", "1"], plan.Argv);
    }

    [Fact]
    public void Plan_JAndSysimageEnvironment_JWins()
    {
        var plan = Plan(["-J", AppImage], (EnvironmentVariables.Sysimage, EnvImage));

        Assert.Equal(AppImage, plan.Image);
    }

    [Theory]
    [InlineData]
    [InlineData("-e", "1")]
    [InlineData("script.jl", "-J", "x.so")]
    public void Plan_NoImageGiven_UsesJuliasDefaultImage(params string[] args)
    {
        var plan = Plan(args, (EnvironmentVariables.Sysimage, ""));

        Assert.Equal(DefaultImage110, plan.Image);
        Assert.Equal([Julia110, "-Cnative", "-J", DefaultImage110, .. args], plan.Argv);
    }

    [Fact]
    public void Plan_DefaultImageMissing_ThrowsImageNotFound()
    {
        infos[Julia110] = infos[Julia110] with { DefaultImage = "/opt/julia-1.10.4/lib/julia/gone.so" };

        var error = Assert.Throws<UserError>(() => Plan(["-e", "1"]));

        Assert.Equal(ExitCode.ImageNotFound, error.ExitCode);
    }

    [Theory]
    [InlineData("-J", "missing.so", ExitCode.ImageNotFound)]
    [InlineData("-J", "/work/project", ExitCode.ImageUnusable)]
    [InlineData("--sysimage=", "", ExitCode.Usage)]
    [InlineData("-J", "", ExitCode.Usage)]
    public void Plan_BadImage_ThrowsBeforeRunningJulia(string option, string value, ExitCode exitCode)
    {
        fs.AddDirectory("/work/project");
        string[] args = value.Length == 0 && option.Contains('=', StringComparison.Ordinal) ? [option] : [option, value];

        var error = Assert.Throws<UserError>(() => Plan(args));

        Assert.Equal(exitCode, error.ExitCode);
        Assert.Empty(probed);
    }

    [Fact]
    public void Plan_ImageOptionWithoutValue_ThrowsUsage()
    {
        var error = Assert.Throws<UserError>(() => Plan(["-q", "-J"]));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
    }

    [Fact]
    public void Plan_Environment_IsTheInputPlusTheThreeLauncherVariables()
    {
        (string, string)[] input =
        [
            ("HOME", Contexts.Home), ("LANG", "C.UTF-8"), ("JULIA_NUM_THREADS", "4"), ("EMPTY", ""),
            ("WEIRD", "a\nb=c;d:e ü"), (EnvironmentVariables.Sysimage, "images/app.so"),
        ];

        var plan = Plan(["-e", "1"], input);

        var expected = Contexts.Env([("PATH", Path), .. input]);
        expected[EnvironmentVariables.Launcher] = Contexts.Launcher;
        expected[EnvironmentVariables.DepotPath] = string.Join(':', plan.DepotPath);
        expected[EnvironmentVariables.UserDepot] = "/home/alice/.julia";
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), plan.Environment.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Plan_StaleLauncherVariablesInInput_AreReplaced()
    {
        var plan = Plan(
            ["-J", AppImage],
            (EnvironmentVariables.Launcher, "/old/julia-net"),
            (EnvironmentVariables.UserDepot, "/old/depot"),
            (EnvironmentVariables.DepotPath, "/data/depot:"));

        Assert.Equal(Contexts.Launcher, plan.Environment[EnvironmentVariables.Launcher]);
        Assert.Equal("/data/depot", plan.Environment[EnvironmentVariables.UserDepot]);
        Assert.Equal(string.Join(':', plan.DepotPath), plan.Environment[EnvironmentVariables.DepotPath]);
    }

    [Fact]
    public void Plan_DefaultDepots_CacheDepotReplacesTheUsersFirstDepot()
    {
        var plan = Plan(["-J", AppImage]);

        const string root = "/home/alice/.cache/julia-net";
        var cacheDepot = CacheLayout.DepotFor(root, Contexts.Launcher, AppImage, "/home/alice/.julia");
        Assert.Equal(root, plan.CacheRoot);
        Assert.Equal(cacheDepot, plan.CacheDepot);
        Assert.Equal("/home/alice/.julia", plan.UserDepot);
        Assert.Equal([cacheDepot, .. SystemDepots110], plan.DepotPath);
        Assert.Equal($"{cacheDepot}:{SystemDepots110[0]}:{SystemDepots110[1]}", plan.Environment[EnvironmentVariables.DepotPath]);
    }

    [Fact]
    public void Plan_UsersOwnDepotPath_IsKeptBehindTheCacheDepot()
    {
        var plan = Plan(["-J", AppImage], (EnvironmentVariables.DepotPath, "~/depot:/shared/depot"), (EnvironmentVariables.CacheDir, "/cache"));

        var cacheDepot = CacheLayout.DepotFor("/cache", Contexts.Launcher, AppImage, "/home/alice/depot");
        Assert.Equal("/home/alice/depot", plan.UserDepot);
        Assert.Equal(cacheDepot, plan.CacheDepot);
        Assert.StartsWith("/cache/depots/app-", plan.CacheDepot, StringComparison.Ordinal);
        Assert.Equal([cacheDepot, "/shared/depot"], plan.DepotPath);
    }

    [Fact]
    public void Plan_DifferentImages_GetDifferentCacheDepots()
    {
        var app = Plan(["-J", AppImage]);
        var env = Plan(["-J", EnvImage]);

        Assert.NotEqual(app.CacheDepot, env.CacheDepot);
    }

    [Fact]
    public void Plan_MetadataNamesAnotherJuliaVersion_ThrowsJuliaVersionMismatch()
    {
        WriteMetadata(AppImage, """{ "juliaVersion": "1.11.2" }""");

        var error = Assert.Throws<UserError>(() => Plan(["-J", AppImage]));

        Assert.Equal(ExitCode.JuliaVersionMismatch, error.ExitCode);
        Assert.Contains("1.11.2", error.Message, StringComparison.Ordinal);
        Assert.Contains("1.10.4", error.Message, StringComparison.Ordinal);
        Assert.Contains(AppImage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MetadataJuliaAndExplicitJuliaOfOtherVersion_ThrowsJuliaVersionMismatch()
    {
        WriteMetadata(AppImage, $$"""{ "julia": "{{Julia19}}", "juliaVersion": "1.9.4" }""");

        var error = Assert.Throws<UserError>(() => Plan(["--julia", Julia110, "-J", AppImage]));

        Assert.Equal(ExitCode.JuliaVersionMismatch, error.ExitCode);
        Assert.Equal([Julia110], probed);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{ "juliaVersion": 1.10 }""")]
    [InlineData("""{ "formatVersion": "one" }""")]
    public void Plan_UnparsableMetadata_ThrowsImageMetadataInvalid(string json)
    {
        WriteMetadata(AppImage, json);

        var error = Assert.Throws<UserError>(() => Plan(["-J", AppImage]));

        Assert.Equal(ExitCode.ImageMetadataInvalid, error.ExitCode);
        Assert.Contains(AppImage + ".json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WrongVersionAndUnparsableMetadata_AreTwoExitCodes()
    {
        WriteMetadata(AppImage, """{ "juliaVersion": "1.11.2" }""");
        var wrongVersion = Assert.Throws<UserError>(() => Plan(["-J", AppImage]));
        WriteMetadata(AppImage, """{ "juliaVersion": "1.11""");
        var unparsable = Assert.Throws<UserError>(() => Plan(["-J", AppImage]));

        Assert.Equal((ExitCode.JuliaVersionMismatch, 69), (wrongVersion.ExitCode, (int)wrongVersion.ExitCode));
        Assert.Equal((ExitCode.ImageMetadataInvalid, 84), (unparsable.ExitCode, (int)unparsable.ExitCode));
    }

    [Fact]
    public void Plan_MetadataJuliaAndNoJuliaOptionOrVariable_UsesMetadataJulia()
    {
        WriteMetadata(AppImage, $$"""{ "formatVersion": 1, "julia": "{{Julia19}}", "juliaVersion": "1.9.4", "buildTime": "2024-01-02T03:04:05+00:00" }""");

        var plan = Plan(["-J", AppImage, "-e", "1"]);

        Assert.Equal(Julia19, plan.Julia);
        Assert.Equal([Julia19, "-Cnative", "-J", AppImage, "-e", "1"], plan.Argv);
        Assert.Equal("1.9.4", plan.JuliaVersion);
        Assert.Equal([Julia19], probed);
    }

    [Fact]
    public void Plan_MetadataJuliaAndJuliaNetJulia_VariableWins()
    {
        fs.AddExecutable("/other/julia");
        infos["/other/julia"] = infos[Julia19];
        WriteMetadata(AppImage, $$"""{ "julia": "{{Julia19}}", "juliaVersion": "1.9.4" }""");

        var plan = Plan(["-J", AppImage], (EnvironmentVariables.Julia, "/other/julia"));

        Assert.Equal("/other/julia", plan.Julia);
    }

    [Fact]
    public void Plan_MetadataJuliaAndJuliaOption_OptionWins()
    {
        fs.AddExecutable("/other/julia");
        infos["/other/julia"] = infos[Julia19];
        WriteMetadata(AppImage, $$"""{ "julia": "{{Julia19}}", "juliaVersion": "1.9.4" }""");

        var plan = Plan(["--julia=/other/julia", "-J", AppImage], (EnvironmentVariables.Julia, Julia110));

        Assert.Equal("/other/julia", plan.Julia);
        Assert.Equal(["/other/julia", "-Cnative", "-J", AppImage], plan.Argv);
    }

    [Fact]
    public void Plan_MetadataWithoutJulia_UsesJuliaOnPath()
    {
        WriteMetadata(AppImage, """{ "juliaVersion": "1.10.4", "packages": [ { "name": "Example", "uuid": null, "version": "0.5.3" } ] }""");

        var plan = Plan(["-J", AppImage]);

        Assert.Equal(Julia110, plan.Julia);
    }

    [Fact]
    public void Plan_MetadataJuliaMissing_ThrowsJuliaNotFound()
    {
        WriteMetadata(AppImage, """{ "julia": "/gone/julia", "juliaVersion": "1.10.4" }""");

        var error = Assert.Throws<UserError>(() => Plan(["-J", AppImage]));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        Assert.Contains("/gone/julia", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MetadataPathIsADirectory_IsIgnored()
    {
        fs.AddDirectory(AppImage + ".json");

        var plan = Plan(["-J", AppImage]);

        Assert.Equal(Julia110, plan.Julia);
    }

    [Fact]
    public void Plan_MetadataOfTheDefaultImage_IsNotRead()
    {
        WriteMetadata(DefaultImage110, "not json");

        var plan = Plan([]);

        Assert.Equal(DefaultImage110, plan.Image);
    }

    [Fact]
    public void Plan_BareJuliaName_IsLookedUpOnPathAndProbed()
    {
        fs.AddSymlink("/usr/bin/julia19", Julia19);
        infos["/usr/bin/julia19"] = infos[Julia19];

        var plan = Plan(["--julia", "julia19", "-J", AppImage]);

        Assert.Equal("/usr/bin/julia19", plan.Julia);
        Assert.Equal(["/usr/bin/julia19"], probed);
    }

    private void WriteWatchingMetadata()
    {
        fs.AddTextFile("/src/App.jl", "module App end").Touch("/src/App.jl", 500);
        WriteMetadata(AppImage, """{ "juliaVersion": "1.10.4", "rebuild": ["julia-sysimage", "/work/project/images/app.so"], "watch": [ { "path": "/src/App.jl", "modified": 500, "size": 14 } ] }""");
    }

    [Fact]
    public void Plan_ImageWhoseWatchedInputChanged_CarriesTheChangeToWarnAbout()
    {
        WriteWatchingMetadata();
        fs.Touch("/src/App.jl", 501);

        var plan = Plan(["-J", AppImage]);
        var stale = plan.Stale;

        Assert.Equal((StaleMode.Warn, "/src/App.jl changed since it was built"), (stale!.Mode, stale.Change));
        Assert.Equal(["/work/project/images/app.so is out of date: /src/App.jl changed since it was built; rebuild: julia-sysimage /work/project/images/app.so"], plan.Warnings);
        Assert.Null(plan.Refusal);
        Assert.Equal(["julia-sysimage", "/work/project/images/app.so"], stale.Command);
    }

    [Fact]
    public void Plan_ImageUpToDate_HasNoChange()
    {
        WriteWatchingMetadata();

        Assert.Null(Plan(["-J", AppImage]).Stale!.Change);
    }

    [Fact]
    public void Plan_LaunchRecordMatchingTheMetadataFile_IsReadInsteadOfTheJson()
    {
        WriteWatchingMetadata();
        fs.AddTextFile("/src/Other.jl", "module Other end").Touch("/src/Other.jl", 700);
        var metadata = fs.Stamp(AppImage + ".json")!.Value;
        // The record names another input than the JSON: which one the plan reports shows which was read.
        var facts = new ImageFacts(null, "1.10.4", ["julia-sysimage", "from-the-record"], [new WatchedPath("/src/Other.jl", 699, 16)]);
        fs.AddFile(new ImageFiles(AppImage).LaunchRecord, LaunchRecord.Format(facts, metadata));

        var stale = Plan(["-J", AppImage]).Stale;

        Assert.Equal("/src/Other.jl changed since it was built", stale!.Change);
        Assert.Equal(["julia-sysimage", "from-the-record"], stale.Command);
    }

    [Fact]
    public void Plan_LaunchRecordOfAnEarlierMetadataFile_IsIgnoredForTheJson()
    {
        WriteWatchingMetadata();
        var facts = new ImageFacts(null, "1.10.4", ["julia-sysimage", "from-the-record"], [new WatchedPath("/src/Gone.jl", 1, 1)]);
        var earlier = fs.Stamp(AppImage + ".json")!.Value with { Modified = 400 };
        fs.AddFile(new ImageFiles(AppImage).LaunchRecord, LaunchRecord.Format(facts, earlier));

        var stale = Plan(["-J", AppImage]).Stale;

        Assert.Null(stale!.Change);
        Assert.Equal(["julia-sysimage", "/work/project/images/app.so"], stale.Command);
    }

    [Fact]
    public void Plan_StaleIgnored_ChecksNothing()
    {
        WriteWatchingMetadata();
        fs.Touch("/src/App.jl", 501);

        Assert.Null(Plan(["-J", AppImage], (EnvironmentVariables.Stale, "ignore")).Stale);
    }

    [Fact]
    public void Plan_ConfigSaysErrorAndAnInputChanged_RefusesAfterNoWarning()
    {
        WriteWatchingMetadata();
        fs.Touch("/src/App.jl", 501);
        fs.AddTextFile(Contexts.Home + "/.config/julia-net/config.json", """{ "stale": "error" }""");

        var plan = Plan(["-J", AppImage]);

        Assert.Equal(StaleMode.Error, plan.Stale!.Mode);
        Assert.Empty(plan.Warnings);
        Assert.Equal(ExitCode.ImageStale, plan.Refusal!.ExitCode);
        Assert.Equal("/work/project/images/app.so is out of date: /src/App.jl changed since it was built; rebuild: julia-sysimage /work/project/images/app.so", plan.Refusal.Message);
    }

    [Fact]
    public void Plan_ConfigSaysErrorAndNothingChanged_IsUpToDate()
    {
        WriteWatchingMetadata();
        fs.AddTextFile(Contexts.Home + "/.config/julia-net/config.json", """{ "stale": "error" }""");

        var plan = Plan(["-J", AppImage]);

        Assert.Equal(new StaleOutcome.UpToDate(StaleMode.Error, []), plan.Stale! with { Command = [] });
        Assert.Null(plan.Refusal);
    }

    [Fact]
    public void Plan_ChildOfALaunch_DoesNotCheckAgain()
    {
        WriteWatchingMetadata();
        fs.Touch("/src/App.jl", 501);

        var plan = Plan(
            ["-J", AppImage],
            (EnvironmentVariables.DepotPath, Contexts.Home + "/.cache/julia-net/depots/app-0123456789abcdef"),
            (EnvironmentVariables.UserDepot, Contexts.Home + "/.julia"));

        Assert.Null(plan.Stale);
    }

    [Fact]
    public void Plan_TypicalCommandLine_MatchesSnapshot()
    {
        var plan = Plan(
            ["--julia-net-debug", "-q", "--project=.", "-J", "images/app.so", "-t", "4", "script.jl", "--input", "data file.csv", "-J", "x"],
            ("HOME", Contexts.Home),
            ("LANG", "C.UTF-8"),
            ("JULIA_NUM_THREADS", "2"),
            (EnvironmentVariables.DepotPath, "/data/depot:/shared/depot"));

        Snapshot.Match(plan);
    }
}
