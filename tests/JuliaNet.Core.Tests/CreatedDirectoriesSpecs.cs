using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Paths;

namespace JuliaNet.Core.Tests;

/// <summary>What a project-image build removes of the directories it created when it writes no image: nothing empty is left behind.</summary>
public sealed class CreatedDirectoriesSpecs
{
    private const string Root = "/home/u/.cache/julia-net";
    private const string Projects = Root + "/projects";
    private const string ImageDir = Projects + "/app-0123456789abcdef";

    private static readonly string[] Created = [Root, Projects, ImageDir];

    private readonly FakeFileSystem fs = new FakeFileSystem().AddDirectory("/home/u/.cache").AddDirectory(Root).AddDirectory(Projects).AddDirectory(ImageDir);

    [Fact]
    public void LeftEmpty_EveryLevelEmpty_RemovesThemAllInnermostFirst()
    {
        Assert.Equal([ImageDir, Projects, Root], CreatedDirectories.LeftEmpty(Created, fs));
    }

    [Fact]
    public void LeftEmpty_ImageWritten_RemovesNothing()
    {
        fs.AddElfImage(ImageDir + "/sys.so");

        Assert.Empty(CreatedDirectories.LeftEmpty(Created, fs));
    }

    [Fact]
    public void LeftEmpty_BuildDirectoryKeptForItsLog_RemovesNothing()
    {
        fs.AddDirectory(ImageDir + "/.julia-sysimage-sys.so-0a1b2c3d4e5f").AddTextFile(ImageDir + "/.julia-sysimage-sys.so-0a1b2c3d4e5f/build.log", "error\n");

        Assert.Empty(CreatedDirectories.LeftEmpty(Created, fs));
    }

    [Fact]
    public void LeftEmpty_AnotherBuildsLockInTheImageDirectory_RemovesNothing()
    {
        fs.AddTextFile(ImageDir + "/.sys.so.lock", "");

        Assert.Empty(CreatedDirectories.LeftEmpty(Created, fs));
    }

    [Fact]
    public void LeftEmpty_AnOuterLevelHoldsSomethingElse_StopsBelowIt()
    {
        fs.AddDirectory(Root + "/julia-info").AddTextFile(Root + "/julia-info/usr-bin-julia", "1.10.8\n");

        Assert.Equal([ImageDir, Projects], CreatedDirectories.LeftEmpty(Created, fs));
    }

    [Fact]
    public void LeftEmpty_AnotherProjectsImageDirectoryBesideIt_KeepsTheLevelsAbove()
    {
        fs.AddDirectory(Projects + "/other-fedcba9876543210");

        Assert.Equal([ImageDir], CreatedDirectories.LeftEmpty(Created, fs));
    }

    [Fact]
    public void LeftEmpty_ALevelRemovedAlready_RemovesTheEmptyLevelsAboveIt()
    {
        fs.Remove(ImageDir);

        Assert.Equal([Projects, Root], CreatedDirectories.LeftEmpty(Created, fs));
    }

    [Fact]
    public void LeftEmpty_ALevelReplacedByASymlink_IsKept()
    {
        fs.AddDirectory("/elsewhere").Remove(ImageDir).AddSymlink(ImageDir, "/elsewhere");

        Assert.Empty(CreatedDirectories.LeftEmpty(Created, fs));
    }

    [Fact]
    public void LeftEmpty_NothingCreated_RemovesNothing()
    {
        Assert.Empty(CreatedDirectories.LeftEmpty([], fs));
    }
}
