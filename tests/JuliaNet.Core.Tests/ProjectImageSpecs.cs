using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

/// <summary>
/// Per-project images (issue 21, part 1): where the image of the project Julia activates
/// (<see cref="ProjectLocatorSpecs"/>) lives, that julia-net runs it with nothing asked and that anything asked for by name wins,
/// and that julia-sysimage without OUTPUT builds exactly that image.
/// </summary>
public sealed class ProjectImageSpecs
{
    private const string Julia110 = "/opt/julia-1.10.4/bin/julia";
    private const string Julia19 = "/opt/julia-1.9.4/bin/julia";
    private const string DefaultImage110 = "/opt/julia-1.10.4/lib/julia/sys.so";
    private const string DefaultImage19 = "/opt/julia-1.9.4/lib/julia/sys.so";
    private const string Project = Contexts.WorkingDirectory; // /work/project
    private const string CacheRoot = Contexts.Home + "/.cache/julia-net";
    private const string Path = "/opt/julia-1.10.4/bin:/usr/bin";

    private static readonly string ProjectImage110 = CacheLayout.ProjectImage(CacheRoot, Project, Julia110, Platform.Linux);

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddExecutable(Julia110)
        .AddExecutable(Julia19)
        .AddExecutable(Contexts.LauncherRealPath)
        .AddElfImage(DefaultImage110)
        .AddElfImage(DefaultImage19)
        .AddDirectory(Project)
        .AddTextFile(Project + "/Project.toml", "name = \"App\"\n")
        .AddDirectory(Project + "/src");

    private readonly Dictionary<string, JuliaInfo> infos = new(StringComparer.Ordinal)
    {
        [Julia110] = new JuliaInfo("1.10.4", DefaultImage110, ["/opt/julia-1.10.4/share/julia"]),
        [Julia19] = new JuliaInfo("1.9.4", DefaultImage19, ["/opt/julia-1.9.4/share/julia"]),
    };

    private LaunchPlan Plan(string[] args, params (string Name, string Value)[] env) => Planning.Plan(fs, infos, [], Path, args, env);

    [Theory]
    [InlineData(new[] { "--project", "x.jl" }, "@.")]
    [InlineData(new[] { "--project=/p", "x.jl" }, "/p")]
    [InlineData(new[] { "--project=/a", "-q", "--project=/b" }, "/b")]
    [InlineData(new[] { "x.jl", "--project=/p" }, null)]
    [InlineData(new[] { "-e", "0" }, null)]
    public void Scan_ProjectOption_IsReadUpToTheProgramAndKept(string[] args, string? expected)
    {
        var scanned = JuliaArgumentScanner.Scan(args);

        Assert.Equal(expected, scanned.Project);
        Assert.Equal(args, scanned.Rest);
    }

    [Fact]
    public void ProjectImage_IsOnePerProjectAndJulia_NamedForTheProject()
    {
        var image = CacheLayout.ProjectImage(CacheRoot, Project, Julia110, Platform.Linux);

        Assert.StartsWith(CacheRoot + "/projects/project-", image, StringComparison.Ordinal);
        Assert.EndsWith("/sys.so", image, StringComparison.Ordinal);
        Assert.NotEqual(image, CacheLayout.ProjectImage(CacheRoot, "/work/other", Julia110, Platform.Linux));
        Assert.NotEqual(image, CacheLayout.ProjectImage(CacheRoot, Project, Julia19, Platform.Linux));
        Assert.EndsWith("sys.dylib", CacheLayout.ProjectImage(CacheRoot, Project, Julia110, Platform.MacOS), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--project")]
    [InlineData("--project=.")]
    [InlineData("--project=/work/project")]
    public void Plan_ProjectWithItsImage_RunsItAndSaysWhy(string option)
    {
        fs.AddElfImage(ProjectImage110);

        var plan = Plan([option, "app.jl"]);

        Assert.Equal([Julia110, "-Cnative", "-J", ProjectImage110, option, "app.jl"], plan.Argv);
        Assert.Equal(ImageSource.Project, plan.ImageSource);
        Assert.Equal(Project, plan.Project);
        Assert.Null(plan.ImageWarning);
    }

    [Fact]
    public void Plan_JuliaProjectVariable_FindsTheImageToo()
    {
        fs.AddElfImage(ProjectImage110);

        var plan = Plan(["app.jl"], ("JULIA_PROJECT", Project));

        Assert.Equal(ProjectImage110, plan.Image);
    }

    [Fact]
    public void Plan_ProjectWithoutImage_RunsJuliasDefault()
    {
        var plan = Plan(["--project", "app.jl"]);

        Assert.Equal(DefaultImage110, plan.Image);
        Assert.Equal(ImageSource.JuliaDefault, plan.ImageSource);
        Assert.Equal(Project, plan.Project);
    }

    [Fact]
    public void Plan_NoProject_RunsJuliasDefaultWithoutLooking()
    {
        fs.AddElfImage(ProjectImage110);

        var plan = Plan(["app.jl"]);

        Assert.Equal(DefaultImage110, plan.Image);
        Assert.Null(plan.Project);
    }

    [Fact]
    public void Plan_ImageAskedForByName_WinsOverTheProjectImage()
    {
        fs.AddElfImage(ProjectImage110).AddElfImage("/images/env.so").AddElfImage("/images/arg.so");

        var byEnvironment = Plan(["--project", "app.jl"], ("JULIA_NET_SYSIMAGE", "/images/env.so"));
        var byOption = Plan(["--project", "-J", "/images/arg.so", "app.jl"], ("JULIA_NET_SYSIMAGE", "/images/env.so"));

        Assert.Equal(("/images/env.so", ImageSource.Environment), (byEnvironment.Image, byEnvironment.ImageSource));
        Assert.Equal(("/images/arg.so", ImageSource.Option), (byOption.Image, byOption.ImageSource));
    }

    [Fact]
    public void Plan_AnotherJulia_DoesNotRunThisJuliasProjectImage()
    {
        fs.AddElfImage(ProjectImage110);

        var plan = Plan(["--julia", Julia19, "--project", "app.jl"]);

        Assert.Equal(DefaultImage19, plan.Image);
        Assert.Equal(ImageSource.JuliaDefault, plan.ImageSource);
    }

    [Fact]
    public void Plan_ProjectImageOfAnotherVersion_RunsJuliasDefaultWithAWarningNamingBoth()
    {
        fs.AddElfImage(ProjectImage110)
            .AddTextFile(ProjectImage110 + ".json", """{"formatVersion":1,"julia":"/opt/julia-1.10.4/bin/julia","juliaVersion":"1.10.3","rebuild":["julia-sysimage","--project","/work/project"]}""");

        var plan = Plan(["--project", "app.jl"]);

        Assert.Equal(DefaultImage110, plan.Image);
        Assert.Contains("built by Julia 1.10.3", plan.ImageWarning, StringComparison.Ordinal);
        Assert.Contains("is now Julia 1.10.4", plan.ImageWarning, StringComparison.Ordinal);
        Assert.Contains("rebuild: julia-sysimage --project /work/project", plan.ImageWarning, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoOutput_WritesTheImageJuliaNetLooksFor()
    {
        var tools = "/opt/julia-net/bin";
        fs.AddExecutable("/usr/bin/cc").AddExecutable(tools + "/julia-net").AddExecutable(tools + "/julia-sysimage");
        var context = Contexts.Linux(("PATH", Path)) with { ProgramPath = tools + "/julia-sysimage" };

        var plan = new BuildPlanner(fs).Plan(new SysimageOptions { Project = Project }, context, "1.0.0");

        Assert.Equal(ProjectImage110, plan.Output);
        Assert.True(plan.IsProjectImage);
        Assert.Equal([tools + "/julia-sysimage", "--project", Project, "--julia", Julia110], plan.Rebuild);
    }

    [Fact]
    public void Build_NoOutputAndNoProject_IsAUsageError()
    {
        var context = Contexts.Linux(("PATH", Path)) with { WorkingDirectory = "/" };

        var error = Assert.Throws<UserError>(() => new BuildPlanner(fs).Plan(new SysimageOptions(), context, "1.0.0"));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Equal("no OUTPUT and no project: give OUTPUT, or --project DIR for the project's own image", error.Message);
    }

    [Theory]
    [InlineData("~/proj", "/")]
    [InlineData("@.", Contexts.Home + "/proj/src")]
    [InlineData(null, Contexts.Home + "/proj/src")] // JULIA_PROJECT=@. for julia-net; nothing for julia-sysimage, whose default is @.
    [InlineData("@myenv", "/")]
    public void LaunchAndBuild_SameProject_PickTheSameDirectoryAndImage(string? value, string cwd)
    {
        var tools = "/opt/julia-net/bin";
        var proj = Contexts.Home + "/proj";
        var myenv = Contexts.Home + "/.julia/environments/myenv";
        fs.AddExecutable("/usr/bin/cc").AddExecutable(tools + "/julia-net").AddExecutable(tools + "/julia-sysimage")
            .AddDirectory(proj).AddDirectory(proj + "/src").AddTextFile(proj + "/Project.toml", "name = \"Proj\"\n")
            .AddDirectory(myenv).AddTextFile(myenv + "/Project.toml", "");
        var env = value is null ? Contexts.Env(("PATH", Path), ("JULIA_PROJECT", "@.")) : Contexts.Env(("PATH", Path));
        var process = Contexts.Linux() with { Environment = env, WorkingDirectory = cwd, ProgramPath = tools + "/julia-sysimage" };

        var build = new BuildPlanner(fs, julia => infos[julia]).Plan(new SysimageOptions { Project = value }, process, "1.0.0");
        fs.AddElfImage(build.Output);
        var launch = new LaunchPlanner(fs, julia => infos[julia]).Plan(process with { ProgramPath = Contexts.Launcher }, LauncherCommandLine.Parse(value is null ? ["app.jl"] : ["--project=" + value, "app.jl"]));

        Assert.Equal(value == "@myenv" ? myenv : proj, build.Project!.Directory);
        Assert.Equal(build.Project.Directory, launch.Project);
        Assert.Equal((build.Output, ImageSource.Project), (launch.Image, launch.ImageSource));
    }
}
