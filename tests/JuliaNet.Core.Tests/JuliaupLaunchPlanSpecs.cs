using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

/// <summary>Launch plans through juliaup: +CHANNEL consumed, the channel's Julia and arguments, what the plan reports.</summary>
public sealed class JuliaupLaunchPlanSpecs
{
    private const string ReleaseImage = JuliaupFiles.Dir + "/julia-1.11.1+0.x64.linux.gnu/lib/julia/sys.so";
    private const string LtsImage = JuliaupFiles.Dir + "/julia-1.10.4+0.x64.linux.gnu/lib/julia/sys.so";
    private const string DevImage = Contexts.Home + "/src/julia/usr/lib/julia/sys.so";
    private const string AppImage = "/work/project/app.so";
    private const string Path = JuliaupFiles.BinDir + ":/usr/bin";

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddExecutable(Contexts.LauncherRealPath)
        .AddJuliaup()
        .AddElfImage(ReleaseImage)
        .AddElfImage(LtsImage)
        .AddElfImage(DevImage)
        .AddElfImage(AppImage);

    private readonly Dictionary<string, JuliaInfo> infos = new(StringComparer.Ordinal)
    {
        [JuliaupFiles.Release] = new JuliaInfo("1.11.1", ReleaseImage, []),
        [JuliaupFiles.Lts] = new JuliaInfo("1.10.4", LtsImage, []),
        [JuliaupFiles.Dev] = new JuliaInfo("1.12.0-DEV", DevImage, []),
    };

    private readonly List<string> probed = [];

    private LaunchPlan Plan(string[] args, params (string Name, string Value)[] env) => Planning.Plan(fs, infos, probed, Path, args, env);

    [Fact]
    public void Plan_JuliaupOnPath_RunsTheDefaultChannelsBinaryAndNeverTheLauncher()
    {
        var plan = Plan(["-e", "1"]);

        Assert.Equal([JuliaupFiles.Release, "-Cnative", "-J", ReleaseImage, "-e", "1"], plan.Argv);
        Assert.Equal((JuliaSource.JuliaupDefault, "release", JuliaupFiles.ConfigFile), (plan.JuliaSource, plan.JuliaupChannel, plan.JuliaupConfig));
        Assert.Equal([JuliaupFiles.Release], probed);
    }

    [Fact]
    public void Plan_PlusChannel_IsConsumedAndThatChannelsJuliaRuns()
    {
        var plan = Plan(["+1.10", "script.jl", "+1.11"]);

        Assert.Equal([JuliaupFiles.Lts, "-Cnative", "-J", LtsImage, "script.jl", "+1.11"], plan.Argv);
        Assert.Equal((JuliaSource.ChannelArgument, "1.10"), (plan.JuliaSource, plan.JuliaupChannel));
        Assert.Equal("1.10.4", plan.JuliaVersion);
    }

    [Fact]
    public void Plan_LinkedChannelArgs_ComeBeforeTheUsersArguments()
    {
        var plan = Plan(["+dev", "-e", "1"]);

        Assert.Equal([JuliaupFiles.Dev, "-Cnative", "-J", DevImage, "--startup-file=no", "-t", "2", "-e", "1"], plan.Argv);
    }

    [Fact]
    public void Plan_AliasArgs_ComeBeforeTheUsersArguments()
    {
        var plan = Plan(["+lts", "-e", "1"], (EnvironmentVariables.JuliaupChannel, "nightly"));

        Assert.Equal([JuliaupFiles.Lts, "-Cnative", "-J", LtsImage, "--history-file=no", "-e", "1"], plan.Argv);
        Assert.Equal(("lts", JuliaSource.ChannelArgument), (plan.JuliaupChannel, plan.JuliaSource));
    }

    [Fact]
    public void Plan_ChannelArgsWithImageAndCpuTarget_AreReadWithTheUsersAndTheUsersWin()
    {
        fs.AddTextFile(JuliaupFiles.ConfigFile, $$"""
            { "Default": "app", "InstalledVersions": {}, "InstalledChannels": {
                "app": { "Command": "{{JuliaupFiles.Dev}}", "Args": ["-J", "{{AppImage}}", "-Cgeneric"] } } }
            """);

        var channelImage = Plan(["-e", "1"]);
        var userImage = Plan(["-J", DevImage, "-e", "1"]);

        Assert.Equal([JuliaupFiles.Dev, "-J", AppImage, "-Cgeneric", "-e", "1"], channelImage.Argv);
        Assert.Equal((AppImage, "generic"), (channelImage.Image, channelImage.CpuTarget));
        Assert.Equal([JuliaupFiles.Dev, "-J", DevImage, "-Cgeneric", "-e", "1"], userImage.Argv);
    }

    [Fact]
    public void Plan_ImageBuiltByAnotherVersionThanTheChannels_ThrowsJuliaVersionMismatchNamingTheChannel()
    {
        fs.AddTextFile(AppImage + ".json", $$"""{ "julia": "{{JuliaupFiles.Release}}", "juliaVersion": "1.11.1" }""");

        var error = Assert.Throws<UserError>(() => Plan(["+1.10", "-J", AppImage]));

        Assert.Equal(ExitCode.JuliaVersionMismatch, error.ExitCode);
        Assert.Equal(
            $"image {AppImage} was built by Julia 1.11.1 but {JuliaupFiles.Lts} (juliaup channel 1.10, from +CHANNEL) is Julia 1.10.4; rebuild the image or pass --julia with Julia 1.11.1",
            error.Message);
    }

    [Fact]
    public void Plan_ImageMetadata_WinsOverJuliaupsDefaultChannel()
    {
        fs.AddTextFile(AppImage + ".json", $$"""{ "julia": "{{JuliaupFiles.Lts}}", "juliaVersion": "1.10.4" }""");

        var plan = Plan(["-J", AppImage]);

        Assert.Equal((JuliaupFiles.Lts, JuliaSource.ImageMetadata, null), (plan.Julia, plan.JuliaSource, plan.JuliaupChannel));
    }

    [Fact]
    public void Plan_SwitchingTheDefaultChannel_IsSeenByTheNextPlan()
    {
        var before = Plan([]);
        fs.AddTextFile(JuliaupFiles.ConfigFile, JuliaupFiles.Json("1.10"));
        var after = Plan([]);

        Assert.Equal((JuliaupFiles.Release, JuliaupFiles.Lts), (before.Julia, after.Julia));
        Assert.Equal([JuliaupFiles.Release, JuliaupFiles.Lts], probed);
    }
}
