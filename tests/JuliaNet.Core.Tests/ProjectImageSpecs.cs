using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

/// <summary>
/// Per-project images (issue 21, part 1): which project Julia activates, where its image
/// lives, that julia-net runs it with nothing asked and that anything asked for by name wins,
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

    private string? Active(string? option, string cwd = Project, params (string Name, string Value)[] env) =>
        ActiveProject.Directory(option, Contexts.Linux(env) with { WorkingDirectory = cwd }, fs);

    [Fact]
    public void ActiveProject_NoOptionNoVariable_IsNone()
    {
        Assert.Null(Active(null));
    }

    [Fact]
    public void ActiveProject_EmptyVariable_IsNone()
    {
        Assert.Null(Active(null, Project, ("JULIA_PROJECT", "")));
    }

    [Theory]
    [InlineData(Project)]
    [InlineData(Project + "/src")]
    public void ActiveProject_AtDot_IsTheNearestProjectUpwards(string cwd)
    {
        Assert.Equal(Project, Active("@.", cwd));
        Assert.Equal(Project, Active(null, cwd, ("JULIA_PROJECT", "@.")));
    }

    [Fact]
    public void ActiveProject_AtDot_FindsJuliaProjectTomlToo()
    {
        fs.AddDirectory("/srv/app").AddTextFile("/srv/app/JuliaProject.toml", "");

        Assert.Equal("/srv/app", Active("@.", "/srv/app"));
    }

    [Fact]
    public void ActiveProject_AtDot_StopsAtTheHomeDirectory()
    {
        fs.AddDirectory(Contexts.Home + "/code/x").AddTextFile("/home/Project.toml", "");

        Assert.Null(Active("@.", Contexts.Home + "/code/x"));
    }

    [Theory]
    [InlineData("@v1.10")]
    [InlineData("@script")]
    public void ActiveProject_NamedEnvironment_IsNotLookedUp(string value)
    {
        Assert.Null(Active(value));
    }

    [Theory]
    [InlineData(".", Project)]
    [InlineData("src/..", Project)]
    [InlineData("/work/project/Project.toml", Project)]
    [InlineData("~/proj", Contexts.Home + "/proj")]
    [InlineData("/nowhere", null)]
    public void ActiveProject_Path_IsTheDirectoryOrTheProjectFilesDirectory(string value, string? expected)
    {
        fs.AddDirectory(Contexts.Home + "/proj");

        Assert.Equal(expected, Active(value));
    }

    [Fact]
    public void ActiveProject_OptionAndVariable_OptionWins()
    {
        fs.AddDirectory("/other");

        Assert.Equal(Project, Active(Project, "/", ("JULIA_PROJECT", "/other")));
        Assert.Equal("/other", Active(null, "/", ("JULIA_PROJECT", "/other")));
    }

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
}
