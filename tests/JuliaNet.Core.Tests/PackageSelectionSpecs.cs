using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;

namespace JuliaNet.Core.Tests;

/// <summary>Which packages an image gets: a package project's own package, --package, and the manifest's deps graph.</summary>
public sealed class PackageSelectionSpecs
{
    private const string Dir = "/work/heavy";

    private const string Manifest = """
        [[A]]
        deps = ["Adep"]
        path = "A"
        uuid = "00000000-0000-4000-8000-00000000000a"

        [[Adep]]
        deps = ["Printf"]
        path = "Adep"
        uuid = "00000000-0000-4000-8000-0000000000ad"

        [[B]]
        deps = ["Bdep"]
        uuid = "00000000-0000-4000-8000-00000000000b"
        version = "1.0.0"

        [[Bdep]]
        uuid = "00000000-0000-4000-8000-0000000000bd"
        version = "1.0.0"

        [[Printf]]
        deps = ["Unicode"]
        uuid = "de0858da-6303-5e67-8744-51eddeeeb8d7"

        [[Unicode]]
        uuid = "4ec0a83e-493e-50e2-b9ac-8f72acf5a8f5"
        """;

    private readonly FakeFileSystem fs = new FakeFileSystem().AddDirectory(Dir);

    private static JuliaProject Project(string header = "") =>
        JuliaProject.Parse(Dir, Dir + "/Project.toml", header + "[deps]\nA = \"00000000-0000-4000-8000-00000000000a\"\nB = \"00000000-0000-4000-8000-00000000000b\"\n", Dir + "/Manifest.toml", Manifest);

    private const string PackageHeader = "name = \"Heavy\"\nuuid = \"00000000-0000-4000-8000-0000000000ff\"\n";

    [Fact]
    public void OwnPackage_ProjectWithNameUuidAndEntryFile_IsThePackageItself()
    {
        fs.AddTextFile(Dir + "/src/Heavy.jl", "module Heavy end");

        var own = PackageSelection.OwnPackage(Project(PackageHeader), fs);

        Assert.Equal(("Heavy", "00000000-0000-4000-8000-0000000000ff", "."), (own!.Name, own.Uuid, own.Path));
        Assert.Equal(["A", "B"], own.Deps);
    }

    [Theory]
    [InlineData("")]                      // an environment
    [InlineData(PackageHeader)]           // name and uuid, but no src/Heavy.jl (the example project's case)
    public void OwnPackage_NoPackageToLoad_IsNull(string header)
    {
        Assert.Null(PackageSelection.OwnPackage(Project(header), fs));
    }

    [Fact]
    public void Requested_PackageProjectByDefault_IsThePackageThenItsDirectDependencies()
    {
        fs.AddTextFile(Dir + "/src/Heavy.jl", "module Heavy end");
        var project = Project(PackageHeader);

        var requested = PackageSelection.Requested(project, PackageSelection.OwnPackage(project, fs), []);

        Assert.Equal(["Heavy", "A", "B"], requested.Select(p => p.Name));
    }

    [Fact]
    public void Requested_OwnNameAsPackage_IsAccepted()
    {
        fs.AddTextFile(Dir + "/src/Heavy.jl", "module Heavy end");
        var project = Project(PackageHeader);

        var requested = PackageSelection.Requested(project, PackageSelection.OwnPackage(project, fs), ["Heavy"]);

        Assert.Equal(["Heavy"], requested.Select(p => p.Name));
    }

    [Fact]
    public void Requested_NameNotInTheProject_ListsWhatIs()
    {
        var error = Assert.Throws<UserError>(() => PackageSelection.Requested(Project(), null, ["Adep"]));

        Assert.Equal(ExitCode.ProjectInvalid, error.ExitCode);
        Assert.EndsWith("its packages are: A, B", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependencies_OnePackageRequested_FollowTheManifestGraphOnly()
    {
        var project = Project();

        var dependencies = PackageSelection.Dependencies(project, PackageSelection.Requested(project, null, ["A"]));

        Assert.Equal(["Adep", "Printf", "Unicode"], dependencies.Select(p => p.Name));
    }

    [Fact]
    public void Dependencies_OwnPackage_StartFromItsDirectDependencies()
    {
        fs.AddTextFile(Dir + "/src/Heavy.jl", "module Heavy end");
        var project = Project(PackageHeader);
        var own = PackageSelection.OwnPackage(project, fs)!;

        var dependencies = PackageSelection.Dependencies(project, [own]);

        Assert.Equal(["A", "Adep", "B", "Bdep", "Printf", "Unicode"], dependencies.Select(p => p.Name));
    }

    [Fact]
    public void Dependencies_NoProject_AreNone()
    {
        Assert.Empty(PackageSelection.Dependencies(null, []));
    }
}
