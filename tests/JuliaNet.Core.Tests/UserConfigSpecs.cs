using JuliaNet.Config;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Launching;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

public sealed class UserConfigSpecs
{
    private const string ConfigPath = "/home/alice/.config/julia-net/config.json";

    [Theory]
    [InlineData(Platform.Linux, "/home/alice/.config/julia-net/config.json")]
    [InlineData(Platform.MacOS, "/home/alice/Library/Application Support/julia-net/config.json")]
    public void PathFor_Platform_IsTheUsersConfigDirectory(Platform platform, string expected)
    {
        Assert.Equal(expected, UserConfig.PathFor(Contexts.Create(platform)));
    }

    [Fact]
    public void PathFor_XdgConfigHome_IsUsedWhenAbsolute()
    {
        Assert.Equal("/xdg/julia-net/config.json", UserConfig.PathFor(Contexts.Linux(("XDG_CONFIG_HOME", "/xdg"))));
        Assert.Equal(ConfigPath, UserConfig.PathFor(Contexts.Linux(("XDG_CONFIG_HOME", "relative"))));
    }

    [Fact]
    public void Load_NoFile_IsNone()
    {
        Assert.Equal(UserConfig.None, UserConfig.Load(Contexts.Linux(), new FakeFileSystem()));
    }

    [Fact]
    public void Parse_BothKeys_AbsoluteRelativeAndHomePathsAreResolved()
    {
        var config = UserConfig.Parse("""{ "sysimage": "images/app.so", "julia": "~/julia/bin/julia" }""", ConfigPath, Contexts.Linux());

        Assert.Equal("/home/alice/.config/julia-net/images/app.so", config.Sysimage);
        Assert.Equal("/home/alice/julia/bin/julia", config.Julia);
    }

    [Fact]
    public void Parse_BareJuliaName_IsKeptForAPathLookup()
    {
        var config = UserConfig.Parse("""{ "julia": "julia-1.10", "sysimage": null }""", ConfigPath, Contexts.Linux());

        Assert.Equal(new UserConfig(null, "julia-1.10"), config);
    }

    [Fact]
    public void Parse_JuliaupChannel_IsKeptAsWritten()
    {
        var config = UserConfig.Parse("""{ "julia": "+1.10" }""", ConfigPath, Contexts.Linux());

        Assert.Equal(new UserConfig(null, "+1.10"), config);
    }

    [Theory]
    [InlineData("{ \"sysimage\": ", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{ \"sysImage\": \"/a.so\" }", "unknown key \"sysImage\"")]
    [InlineData("{ \"sysimage\": 3 }", "\"sysimage\" must be a non-empty string")]
    [InlineData("{ \"julia\": \"\" }", "\"julia\" must be a non-empty string")]
    public void Parse_BadConfig_IsAConfigErrorNamingTheFileAndProblem(string json, string problem)
    {
        var error = Assert.Throws<UserError>(() => UserConfig.Parse(json, ConfigPath, Contexts.Linux()));

        Assert.Equal(ExitCode.ConfigInvalid, error.ExitCode);
        Assert.Contains(ConfigPath, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_ThenParse_RoundTrips()
    {
        var config = new UserConfig("/images/a \"b\".so", "/opt/julia/bin/julia");

        Assert.Equal(config, UserConfig.Parse(config.ToJson(), ConfigPath, Contexts.Linux()));
        Assert.DoesNotContain("julia\"", new UserConfig("/a.so", null).ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NoImageGiven_TakesTheConfigImageAfterTheVariable()
    {
        var planner = PlannerWithConfig("""{ "sysimage": "/images/config.so" }""");
        var context = Contexts.Linux(("PATH", "/usr/bin"));

        var fromConfig = planner.Plan(context, LauncherCommandLine.Parse(["-e", "0"]));
        var fromEnv = planner.Plan(Contexts.Linux(("PATH", "/usr/bin"), ("JULIA_NET_SYSIMAGE", "/images/env.so")), LauncherCommandLine.Parse(["-e", "0"]));
        var fromArgs = planner.Plan(context, LauncherCommandLine.Parse(["-J", "/images/env.so"]));

        Assert.Equal("/images/config.so", fromConfig.Image);
        Assert.Equal("/images/env.so", fromEnv.Image);
        Assert.Equal("/images/env.so", fromArgs.Image);
    }

    [Fact]
    public void Plan_ImageAndJuliaGiven_NeverReadsTheConfig()
    {
        var planner = PlannerWithConfig("not json");

        var plan = planner.Plan(Contexts.Linux(("PATH", "/usr/bin")), LauncherCommandLine.Parse(["--julia", "/usr/bin/julia", "-J", "/images/env.so"]));

        Assert.Equal("/images/env.so", plan.Image);
    }

    [Fact]
    public void Plan_BrokenConfigConsulted_IsAConfigError()
    {
        var planner = PlannerWithConfig("not json");

        var error = Assert.Throws<UserError>(() => planner.Plan(Contexts.Linux(("PATH", "/usr/bin")), LauncherCommandLine.Parse(["-J", "/images/env.so"])));

        Assert.Equal(ExitCode.ConfigInvalid, error.ExitCode);
    }

    /// <summary>A planner over a file system with julia on PATH, two images and this config file.</summary>
    private static LaunchPlanner PlannerWithConfig(string configJson)
    {
        var fs = new FakeFileSystem()
            .AddExecutable("/usr/bin/julia")
            .AddElfImage("/images/config.so")
            .AddElfImage("/images/env.so")
            .AddTextFile(ConfigPath, configJson);
        return new LaunchPlanner(fs, _ => new Julia.JuliaInfo("1.5.3", "/usr/lib/julia/sys.so", ["/usr/share/julia"]));
    }
}
