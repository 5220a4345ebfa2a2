using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Learning;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

/// <summary>
/// Issue 31, the launch side: when julia-net has a run learn (learning on, in a project, on the
/// project's image or, with none yet, Julia's default; never a child, never over the user's own
/// trace), where its trace goes, and what a store that holds enough makes julia-net do.
/// </summary>
public sealed class LearningPlanSpecs
{
    private const string Julia = "/opt/julia-1.10.4/bin/julia";
    private const string DefaultImage = "/opt/julia-1.10.4/lib/julia/sys.so";
    private const string Project = Contexts.WorkingDirectory;
    private const string CacheRoot = Contexts.Home + "/.cache/julia-net";
    private const string ConfigFile = Contexts.Home + "/.config/julia-net/config.json";

    private static readonly string ProjectImage = CacheLayout.ProjectImage(CacheRoot, Project, Julia, Platform.Linux);
    private static readonly LearnedStore Store = new ImageFiles(ProjectImage).Learned;

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddExecutable(Julia)
        .AddElfImage(DefaultImage)
        .AddDirectory(Project)
        .AddTextFile(Project + "/Project.toml", "name = \"App\"\n");

    private LearnedState? stored = LearnedState.Empty;
    private readonly List<(ImageFiles Image, long Limit)> asked = [];

    private LaunchPlan Plan(string[] args, params (string Name, string Value)[] env)
    {
        var planner = new LaunchPlanner(fs, _ => new JuliaInfo("1.10.4", DefaultImage, ["/opt/julia-1.10.4/share/julia"]), (image, limit) =>
        {
            asked.Add((image, limit));
            return stored;
        });
        var process = Contexts.Linux([("PATH", "/opt/julia-1.10.4/bin"), ("JULIA_PROJECT", Project), .. env]) with { ProcessId = 4242, StartedMs = 1000 };
        return planner.Plan(process, LauncherCommandLine.Parse(args));
    }

    private static LearnedState Learned(int statements, int inImage = 0, bool warned = false) => new(3, statements, inImage, 0, 0, 0, statements * 60L, warned);

    [Fact]
    public void Plan_LearningNotAskedFor_TracesNothing()
    {
        var plan = Plan(["app.jl"]);

        Assert.Null(plan.Learning);
        Assert.Empty(asked);
        Assert.DoesNotContain(plan.Argv, a => a.StartsWith("--trace-compile", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_LearningOnInAProjectWithNoImage_TracesThisRunIntoItsOwnFileBesideTheProjectImage()
    {
        var plan = Plan(["-q", "app.jl", "--trace-compile=not-julias"], ("JULIA_NET_LEARN", "1"));

        var run = Store.RunFile(4242, 1000);
        Assert.Equal([Julia, "-Cnative", "-J", DefaultImage, "--trace-compile=" + run, "-q", "app.jl", "--trace-compile=not-julias"], plan.Argv);
        Assert.Equal(Store, plan.Learning!.Store);
        Assert.Equal(ProjectImage, Assert.Single(asked).Image.Image);
        Assert.Equal(LearningSettings.DefaultLimit, asked[0].Limit);
    }

    [Fact]
    public void Plan_LearningOnInTheConfig_Traces()
    {
        fs.AddTextFile(ConfigFile, """{ "learn": true, "learn_limit": "1M" }""");

        var plan = Plan(["app.jl"]);

        Assert.NotNull(plan.Learning?.RunFile);
        Assert.Equal(1L << 20, Assert.Single(asked).Limit);
    }

    [Fact]
    public void Plan_EnvironmentTurnsOffWhatTheConfigTurnsOn()
    {
        fs.AddTextFile(ConfigFile, """{ "learn": true }""");

        Assert.Null(Plan(["app.jl"], ("JULIA_NET_LEARN", "off")).Learning);
    }

    [Theory]
    [InlineData("--trace-compile=mine.jl")]
    [InlineData("--trace-compile")]
    public void Plan_TheUserTracesThemselves_LearnsNothing(string option)
    {
        var plan = Plan(option == "--trace-compile" ? [option, "mine.jl", "app.jl"] : [option, "app.jl"], ("JULIA_NET_LEARN", "1"));

        Assert.Null(plan.Learning);
        Assert.Single(plan.Argv, a => a.StartsWith("--trace-compile", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_AnImageAskedForByName_LearnsNothing()
    {
        fs.AddElfImage("/images/mine.so");

        Assert.Null(Plan(["--sysimage", "/images/mine.so", "app.jl"], ("JULIA_NET_LEARN", "1")).Learning);
    }

    [Fact]
    public void Plan_AChildOfALaunch_LearnsNothing()
    {
        var depot = CacheLayout.DepotsRoot(CacheRoot) + "/sys-0123456789abcdef";

        var plan = Plan(["app.jl"], ("JULIA_NET_LEARN", "1"), ("JULIA_NET_USER_DEPOT", Contexts.Home + "/.julia"), ("JULIA_DEPOT_PATH", depot + ":" + Contexts.Home + "/.julia"));

        Assert.Null(plan.Learning);
        Assert.Empty(asked);
    }

    [Fact]
    public void Plan_AStoreThatCannotBeWritten_LearnsNothing()
    {
        stored = null;

        var plan = Plan(["app.jl"], ("JULIA_NET_LEARN", "1"));

        Assert.Null(plan.Learning);
        Assert.DoesNotContain(plan.Argv, a => a.StartsWith("--trace-compile", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_AStoreAtItsLimit_TracesNoMore()
    {
        stored = Learned(10) with { Bytes = 2048 };

        var plan = Plan(["app.jl"], ("JULIA_NET_LEARN", "1"), ("JULIA_NET_LEARN_LIMIT", "2K"));

        Assert.Null(plan.Learning!.RunFile);
        Assert.DoesNotContain(plan.Argv, a => a.StartsWith("--trace-compile", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_NoImageAndEnoughLearned_BuildsTheProjectImageInTheBackground()
    {
        stored = Learned(Improvement.Floor);

        var rebuild = Plan(["app.jl"], ("JULIA_NET_LEARN", "1")).Learning!.Improvement!;

        Assert.Equal(RebuildReason.FirstImage, rebuild.Reason);
        Assert.Equal(ProjectImage, rebuild.Image);
        Assert.Equal(["/opt/julia-net/bin/julia-sysimage", "--project", Project, "--julia", Julia], rebuild.Command);
        Assert.Equal($"learned:{Improvement.Floor}", rebuild.Fingerprint);
    }

    [Fact]
    public void Plan_NoImageAndTooLittleLearned_BuildsNothing()
    {
        stored = Learned(Improvement.Floor - 1);

        Assert.Null(Plan(["app.jl"], ("JULIA_NET_LEARN", "1")).Learning!.Improvement);
    }

    [Fact]
    public void Plan_AnImprovableImage_IsRebuiltInTheBackgroundWhileThisRunUsesIt()
    {
        fs.AddElfImage(ProjectImage).AddTextFile(ProjectImage + ".json", """{"formatVersion":1,"juliaVersion":"1.10.4","rebuild":["julia-sysimage","--project","/work/project"]}""");
        stored = Learned(200, inImage: 100);

        var plan = Plan(["app.jl"], ("JULIA_NET_LEARN", "1"));

        Assert.Equal(ProjectImage, plan.Image);
        var rebuild = plan.Learning!.Improvement!;
        Assert.Equal(RebuildReason.Improvable, rebuild.Reason);
        Assert.Equal(["julia-sysimage", "--project", "/work/project"], rebuild.Command);
        Assert.Contains("100 statements learned from its runs since it was built", rebuild.Started(), StringComparison.Ordinal);
        Assert.Null(plan.Rebuild);
    }

    [Fact]
    public void Plan_AnImprovableImageInWarnMode_SaysSoOncePerBuild()
    {
        fs.AddElfImage(ProjectImage).AddTextFile(ProjectImage + ".json", """{"formatVersion":1,"juliaVersion":"1.10.4","rebuild":["julia-sysimage","--project","/work/project"]}""");
        stored = Learned(200, inImage: 100);

        var first = Plan(["app.jl"], ("JULIA_NET_LEARN", "1"), ("JULIA_NET_STALE", "warn"));
        stored = Learned(200, inImage: 100, warned: true);
        var again = Plan(["app.jl"], ("JULIA_NET_LEARN", "1"), ("JULIA_NET_STALE", "warn"));

        Assert.Equal($"{ProjectImage} can be made faster: 100 statements learned from its runs since it was built; rebuild: julia-sysimage --project /work/project", Assert.Single(first.Warnings));
        Assert.Null(first.Learning!.Improvement);
        Assert.Empty(again.Warnings);
    }

    [Theory]
    [InlineData("""{ "learn": "yes" }""", "\"learn\" must be true, false or null")]
    [InlineData("""{ "learn": true, "learn_limit": "lots" }""", "\"learn_limit\" must be a size")]
    public void Plan_LearnConfigNotUnderstood_IsAConfigError(string json, string expected)
    {
        fs.AddTextFile(ConfigFile, json);

        var error = Assert.Throws<UserError>(() => Plan(["app.jl"]));

        Assert.Equal(ExitCode.ConfigInvalid, error.ExitCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    public void Plan_LearnSwitchNotUnderstood_IsAUsageError(string value)
    {
        var error = Assert.Throws<UserError>(() => Plan(["app.jl"], ("JULIA_NET_LEARN", value)));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Contains("JULIA_NET_LEARN", error.Message, StringComparison.Ordinal);
    }
}
