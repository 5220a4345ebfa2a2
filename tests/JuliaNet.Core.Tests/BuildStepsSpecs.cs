using System.Runtime.InteropServices;
using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

/// <summary>What each build step runs, per Julia release.</summary>
public sealed class BuildStepsSpecs
{
    private const string Root = "/work/project/images/.julia-sysimage-sys.so-0123";

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddDirectory("/work/project/images")
        .AddDirectory(Contexts.WorkingDirectory)
        .AddTextFile(Contexts.WorkingDirectory + "/Project.toml", "name = \"App\"\n")
        .AddTextFile("/work/project/run.jl", "1")
        .AddExecutable("/usr/bin/julia")
        .AddExecutable("/usr/bin/cc")
        .AddExecutable("/opt/julia-net/bin/julia-net")
        .AddFile("/usr/lib/libjulia.so.1", [1]);

    private IReadOnlyList<BuildStep> Steps(string version, bool script = true, int threads = 2)
    {
        var plan = new BuildPlanner(fs).Plan(
            new SysimageOptions { Output = "/work/project/images/sys.so", Scripts = script ? ["/work/project/run.jl"] : [] },
            Contexts.Linux(("PATH", "/usr/bin"), ("JULIA_CPU_TARGET", "generic")) with { ProgramPath = "/opt/julia-net/bin/julia-sysimage" },
            "1.0.0");
        var libraries = new JuliaLibraries("/usr/lib/libjulia.so.1", null, "/usr/lib/julia");
        return BuildSteps.Plan(
            plan, new JuliaInfo(version, "/usr/lib/julia/sys.so", []), libraries, "/usr/lib/julia/sys.so", new BuildDirectory(Root, ".so"),
            ["/home/alice/.julia"], Platform.Linux, Architecture.X64, threads, fs);
    }

    private static BuildStep Step(IReadOnlyList<BuildStep> steps, string name) => steps.Single(s => s.Name == name);

    [Fact]
    public void Plan_WithScripts_RunsFiveStepsInOrder()
    {
        Assert.Equal(Enum.GetValues<BuildStepId>(), Steps("1.5.3").Select(s => s.Id));
        Assert.Equal(["precompile", "trace", "object", "link", "verify"], Steps("1.5.3").Select(s => s.Name));
    }

    [Fact]
    public void Plan_WithoutScripts_HasNoTraceStep()
    {
        Assert.Equal(["precompile", "object", "link", "verify"], Steps("1.5.3", script: false).Select(s => s.Name));
    }

    [Theory]
    [InlineData("1.5.3", false)]
    [InlineData("1.8.5", false)]
    [InlineData("1.9.0", true)]
    [InlineData("1.10.8", true)]
    [InlineData("1.12.0-rc1", true)]
    public void Plan_PackageImages_AreOffInEveryJuliaBuildProcessFrom19(string version, bool off)
    {
        var steps = Steps(version);

        foreach (var name in new[] { "precompile", "trace", "object" })
        {
            Assert.Equal(off, Step(steps, name).Arguments.Contains("--pkgimages=no"));
        }
    }

    [Fact]
    public void Plan_ObjectStep_WarnsOnOverwriteAndRefusesTheWarning()
    {
        var step = Step(Steps("1.5.3"), "object");

        Assert.Contains("--warn-overwrite=yes", step.Arguments);
        Assert.Contains("--threads=1", step.Arguments);
        Assert.Contains("--output-o=" + Root + "/sys-o.a", step.Arguments);
        Assert.EndsWith("/build_image.jl", step.Arguments[^1], StringComparison.Ordinal);
        var rule = Assert.IsType<OutputRule>(step.Refuse);
        Assert.Matches(rule.Pattern, "WARNING: Method definition julia_exename() in module Base at util.jl:192 overwritten in module Base at none:1.");
        Assert.DoesNotMatch(rule.Pattern, "WARNING: something else");
    }

    [Theory]
    [InlineData("1.9.4", null)]
    [InlineData("1.10.0", "3")]
    [InlineData("1.11.2", "3")]
    public void Plan_ImageThreads_SetForTheObjectStepFrom110Only(string version, string? expected)
    {
        var steps = Steps(version, threads: 3);

        Assert.Equal(expected, Step(steps, "object").Environment.GetValueOrDefault("JULIA_IMAGE_THREADS"));
        Assert.False(Step(steps, "precompile").Environment.ContainsKey("JULIA_IMAGE_THREADS"));
    }

    [Fact]
    public void Plan_EveryJuliaStep_ClearsTheCpuTargetAndLauncherVariablesAndSetsItsOwnPaths()
    {
        foreach (var step in Steps("1.10.8").Where(s => s.Program == "/usr/bin/julia"))
        {
            Assert.Null(step.Environment["JULIA_CPU_TARGET"]);
            Assert.Null(step.Environment["JULIA_NET_LAUNCHER"]);
            Assert.Equal(Root + "/params.txt", step.Environment["JULIA_NET_BUILD_PARAMS"]);
        }

        Assert.Equal(Root + "/depot:/home/alice/.julia", Step(Steps("1.10.8"), "precompile").Environment["JULIA_DEPOT_PATH"]);
        Assert.Equal(Root + "/depot:/home/alice/.julia", Step(Steps("1.10.8"), "verify").Environment["JULIA_DEPOT_PATH"]);
    }

    [Fact]
    public void Plan_VerifyStep_ChildrenThroughTheLauncherRunThisJuliaAndKeepTheirFilesInTheBuildDirectory()
    {
        var verify = Step(Steps("1.10.8"), "verify");

        Assert.Equal("/usr/bin/julia", verify.Environment["JULIA_NET_JULIA"]);
        Assert.Equal(Root + "/julia-net-cache", verify.Environment["JULIA_NET_CACHE_DIR"]);
    }

    [Fact]
    public void Plan_VerifyStep_LoadsTheNewImage()
    {
        var verify = Step(Steps("1.10.8"), "verify");

        Assert.Contains("-J" + Root + "/image.so", verify.Arguments);
    }
}
