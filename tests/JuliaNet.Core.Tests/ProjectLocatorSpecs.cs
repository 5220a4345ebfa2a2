using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Julia;
using JuliaNet.Paths;

namespace JuliaNet.Core.Tests;

/// <summary>
/// The one project locator launch, build and status share (issue 30): which project a
/// <c>--project</c> value or <c>JULIA_PROJECT</c> names, on each Julia version, as Julia's
/// base/initdefs.jl finds it. Rows marked "live" were checked against
/// <c>julia --project=X -e 'print(Base.active_project())'</c> with Julia 1.5.3 and 1.12.4
/// (those naming a version, with that one), in a directory tree like this one.
/// </summary>
public sealed class ProjectLocatorSpecs
{
    private const string Home = Contexts.Home; // /home/alice
    private const string App = Home + "/code/app";
    private const string Deep = App + "/src/deep";
    private const string Bare = Home + "/code/bare";
    private const string Proj = Home + "/proj";
    private const string Environments = Home + "/.julia/environments";
    private const string Srv = "/srv/app";

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddDirectory(Home).AddDirectory(App).AddDirectory(App + "/src").AddDirectory(Deep).AddTextFile(App + "/Project.toml", "")
        .AddDirectory(Bare).AddTextFile("/home/Project.toml", "") // a project above the home directory
        .AddDirectory(Proj).AddTextFile(Proj + "/JuliaProject.toml", "")
        .AddDirectory(Srv).AddDirectory(Srv + "/sub").AddTextFile(Srv + "/JuliaProject.toml", "").AddTextFile(Srv + "/Project.toml", "")
        .AddDirectory(Deep + "/@old") // a directory named like an environment: a path up to Julia 1.6
        .AddDirectory(Environments + "/myenv").AddTextFile(Environments + "/myenv/Project.toml", "")
        .AddDirectory(Environments + "/v1.10").AddTextFile(Environments + "/v1.10/Project.toml", "")
        .AddDirectory(Environments + "/temp").AddTextFile(Environments + "/temp/Project.toml", "")
        .AddDirectory(Environments + "/script").AddTextFile(Environments + "/script/Project.toml", "")
        .AddDirectory("/depots/one/environments/shared") // no project file: passed over
        .AddDirectory("/depots/two/environments/shared").AddTextFile("/depots/two/environments/shared/Project.toml", "");

    private int juliaAsked;

    private ProjectLocation Locate(string? option, string? variable, string cwd, string version, string? depotPath = null)
    {
        List<(string, string)> env = [];
        if (variable is not null)
        {
            env.Add(("JULIA_PROJECT", variable));
        }

        if (depotPath is not null)
        {
            env.Add(("JULIA_DEPOT_PATH", depotPath));
        }

        var process = Contexts.Linux([.. env]) with { WorkingDirectory = cwd };
        return ProjectLocator.Locate(option, process, () =>
        {
            juliaAsked++;
            return new JuliaInfo(version, "/opt/julia/lib/julia/sys.so", ["/opt/julia/local/share/julia", "/opt/julia/share/julia"]);
        }, fs);
    }

    [Theory]
    // none
    [InlineData("no option, no variable", null, null, Deep, "1.10.8", ProjectKind.None, null)]
    [InlineData("empty JULIA_PROJECT (live)", null, "", Deep, "1.10.8", ProjectKind.None, null)]
    [InlineData("empty --project= beats JULIA_PROJECT", "", Proj, Deep, "1.10.8", ProjectKind.None, null)]
    // @. (a bare --project)
    [InlineData("bare --project from a nested directory (live)", "@.", null, Deep, "1.10.8", ProjectKind.Directory, App)]
    [InlineData("bare --project on 1.5 (live)", "@.", null, Deep, "1.5.3", ProjectKind.Directory, App)]
    [InlineData("JULIA_PROJECT=@. from a nested directory", null, "@.", Deep, "1.12.4", ProjectKind.Directory, App)]
    [InlineData("@. in a project directory", "@.", null, App, "1.10.8", ProjectKind.Directory, App)]
    [InlineData("@. stops at home: the project above it is not found (live)", "@.", null, Bare, "1.10.8", ProjectKind.None, null)]
    [InlineData("@. outside home walks up to /; JuliaProject.toml first", "@.", null, Srv + "/sub", "1.10.8", ProjectKind.Directory, Srv)]
    // paths
    [InlineData("~ (live)", "~", null, Deep, "1.10.8", ProjectKind.Directory, Home)]
    [InlineData("~/proj (live)", "~/proj", null, Deep, "1.5.3", ProjectKind.Directory, Proj)]
    [InlineData("relative path", "../..", null, Deep, "1.10.8", ProjectKind.Directory, App)]
    [InlineData("a directory without a project file is still the project's", ".", null, Deep, "1.10.8", ProjectKind.Directory, Deep)]
    [InlineData("path to Project.toml", App + "/Project.toml", null, "/", "1.10.8", ProjectKind.Directory, App)]
    [InlineData("path to JuliaProject.toml (live)", "~/proj/JuliaProject.toml", null, "/", "1.12.4", ProjectKind.Directory, Proj)]
    [InlineData("path to a nonexistent directory (live)", "/nowhere", null, Deep, "1.10.8", ProjectKind.Missing, "/nowhere")]
    // named environments (from 1.7)
    [InlineData("@NAME in the user depot (live, 1.12)", "@myenv", null, Deep, "1.12.4", ProjectKind.Directory, Environments + "/myenv")]
    [InlineData("@v#.# gets the version's numbers", "@v#.#", null, Deep, "1.10.8", ProjectKind.Directory, Environments + "/v1.10")]
    [InlineData("@NAME nowhere: where Julia would make it", "@gone", null, Deep, "1.10.8", ProjectKind.MissingEnvironment, Environments + "/gone")]
    [InlineData("@NAME on 1.5 is a path (live)", "@old", null, Deep, "1.5.3", ProjectKind.Directory, Deep + "/@old")]
    [InlineData("@NAME on 1.5, nothing there (live)", "@myenv", null, Deep, "1.5.3", ProjectKind.Missing, Deep + "/@myenv")]
    [InlineData("@ names no project", "@", null, Deep, "1.10.8", ProjectKind.None, null)]
    [InlineData("@stdlib names no project", "@stdlib", null, Deep, "1.12.4", ProjectKind.None, null)]
    // @temp (1.12), @script (1.11)
    [InlineData("@temp on 1.12 (live)", "@temp", null, Deep, "1.12.4", ProjectKind.Temporary, null)]
    [InlineData("@temp on 1.11 is the environment named temp", "@temp", null, Deep, "1.11.7", ProjectKind.Directory, Environments + "/temp")]
    [InlineData("@temp on 1.5 is a path (live)", "@temp", null, Deep, "1.5.3", ProjectKind.Missing, Deep + "/@temp")]
    [InlineData("@script on 1.11", "@script", null, Deep, "1.11.7", ProjectKind.Script, null)]
    [InlineData("@script/.. on 1.12", "@script/..", null, Deep, "1.12.4", ProjectKind.Script, null)]
    [InlineData("@script on 1.10 is the environment named script", "@script", null, Deep, "1.10.8", ProjectKind.Directory, Environments + "/script")]
    // the option beats the variable
    [InlineData("--project beats JULIA_PROJECT (live)", Srv, "~/proj", "/", "1.10.8", ProjectKind.Directory, Srv)]
    [InlineData("JULIA_PROJECT alone", null, "~/proj", "/", "1.10.8", ProjectKind.Directory, Proj)]
    [InlineData("bare --project beats JULIA_PROJECT", "@.", Proj, Deep, "1.10.8", ProjectKind.Directory, App)]
    public void Locate_Value_FindsTheProjectJuliaActivates(string @case, string? option, string? variable, string cwd, string version, ProjectKind kind, string? path)
    {
        var location = Locate(option, variable, cwd, version);

        Assert.True((kind, path) == (location.Kind, location.Path), $"{@case}: expected {kind} {path}, got {location.Kind} {location.Path}");
        Assert.Equal(kind == ProjectKind.Directory ? path : null, location.Directory);
    }

    [Fact]
    public void Locate_NamedEnvironment_IsTheFirstDepotsWithAProjectFile()
    {
        var location = Locate("@shared", null, Deep, "1.10.8", "/depots/one:/depots/two");

        Assert.Equal((ProjectKind.Directory, "/depots/two/environments/shared"), (location.Kind, location.Path));
    }

    [Fact]
    public void Locate_NamedEnvironmentInNoDepot_ButADirectoryInTheFirst_IsThatDirectory()
    {
        var location = Locate("@shared", null, Deep, "1.10.8", "/depots/one");

        Assert.Equal((ProjectKind.Directory, "/depots/one/environments/shared"), (location.Kind, location.Path));
    }

    [Theory]
    [InlineData("@.")]
    [InlineData("~/proj")]
    [InlineData("/nowhere")]
    [InlineData(null)]
    public void Locate_NoNamedEnvironment_OnlyStats(string? option)
    {
        Locate(option, null, Deep, "1.10.8");

        Assert.Equal(0, juliaAsked);
        Assert.Empty(fs.OpenedForReading);
    }

    [Fact]
    public void Locate_NamedEnvironment_AsksTheJuliaOnceAndReadsNothing()
    {
        Locate("@myenv", null, Deep, "1.10.8");

        Assert.Equal(1, juliaAsked);
        Assert.Empty(fs.OpenedForReading);
    }

    [Theory]
    [InlineData(App, App + "/Project.toml")]
    [InlineData(Srv, Srv + "/JuliaProject.toml")]
    [InlineData(Bare, null)]
    public void ProjectFile_Directory_IsJuliaProjectTomlElseProjectToml(string dir, string? expected)
    {
        Assert.Equal(expected, ProjectLocator.ProjectFile(dir, fs));
    }
}
