using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Images;
using static JuliaNet.Core.Tests.Fakes.BuildInputFiles;

namespace JuliaNet.Core.Tests;

/// <summary>What julia-net's stale check watches of an image's inputs, recorded when its build starts.</summary>
public sealed class WatchListSpecs
{
    private readonly FakeFileSystem fs = BuildInputFiles.Create();

    private string[] Watched() => [.. WatchList.Collect(Plan(fs), fs).Select(w => w.Path)];

    [Fact]
    public void Collect_Project_WatchesTheHashedInputsInPlanOrderEachDirectoryFollowedByWhatIsBelowIt()
    {
        Assert.Equal(
            [
                Script, App + "/Project.toml", App + "/Manifest.toml", Package + "/Project.toml",
                Src, Src + "/Greeter.jl", Src + "/parts", Src + "/parts/hello.jl",
            ],
            Watched());
    }

    [Fact]
    public void Collect_FilesAndDirectories_AreStampedAsTheyAreNow()
    {
        fs.Touch(Src, 100).Touch(Src + "/parts/hello.jl", 200);

        var watched = WatchList.Collect(Plan(fs), fs);

        Assert.Equal(new WatchedPath(Src, 100), watched.Single(w => w.Path == Src));
        Assert.Equal(new WatchedPath(Src + "/parts/hello.jl", 200, "greet() = \"hello\"\n".Length), watched.Single(w => w.Path == Src + "/parts/hello.jl"));
    }

    [Fact]
    public void Collect_EntriesBelowADirectory_AreInOrdinalOrderOfTheirPaths()
    {
        fs.AddTextFile(Src + "/parts-old.jl", "").AddTextFile(Src + "/Zebra.jl", "").AddDirectory(Src + "/a");

        Assert.Equal(
            [Src, Src + "/Greeter.jl", Src + "/Zebra.jl", Src + "/a", Src + "/parts", Src + "/parts-old.jl", Src + "/parts/hello.jl"],
            Watched().Where(p => p.StartsWith(Src, StringComparison.Ordinal)));
    }

    [Fact]
    public void Collect_SkipsGitDirectories()
    {
        fs.AddDirectory(Src + "/.git").AddTextFile(Src + "/.git/HEAD", "ref: refs/heads/main\n")
            .AddDirectory(Src + "/parts/.git").AddDirectory(Src + "/parts/.git/objects");

        Assert.DoesNotContain(Watched(), p => p.Contains("/.git", StringComparison.Ordinal));
    }

    [Fact]
    public void Collect_SkipsSymlinksAndWhatIsBelowThem()
    {
        fs.AddDirectory("/store/lib").AddTextFile("/store/lib/lib.jl", "").AddTextFile("/store/extra.jl", "")
            .AddSymlink(Src + "/lib", "/store/lib").AddSymlink(Src + "/extra.jl", "/store/extra.jl");

        Assert.Equal([Src, Src + "/Greeter.jl", Src + "/parts", Src + "/parts/hello.jl"], Watched().Where(p => p.StartsWith(Src, StringComparison.Ordinal)));
    }

    [Fact]
    public void Collect_FifoSocketOrDeviceInTheSources_IsNotWatchedButItsDirectoryIs()
    {
        fs.AddSpecial(Src + "/parts/pipe").AddSpecial(Src + "/build.sock");

        Assert.Equal([Src, Src + "/Greeter.jl", Src + "/parts", Src + "/parts/hello.jl"], Watched().Where(p => p.StartsWith(Src, StringComparison.Ordinal)));
        Assert.DoesNotContain(fs.OpenedForReading, p => p.StartsWith(Src, StringComparison.Ordinal));
    }

    [Fact]
    public void Collect_SourceDirectoryThatIsASymlink_WatchesItsEntriesByTheLinksPath()
    {
        fs.Remove(Src).AddDirectory("/store/greeter-src").AddTextFile("/store/greeter-src/Greeter.jl", "module Greeter end\n").AddSymlink(Src, "/store/greeter-src");

        Assert.Equal([Src, Src + "/Greeter.jl"], Watched().Where(p => p.StartsWith(Src, StringComparison.Ordinal)));
    }

    [Fact]
    public void Collect_JuliaAndTheBaseImage_AreNotWatched()
    {
        fs.AddElfImage("/images/base.so");

        var watched = WatchList.Collect(Plan(fs, "/images/base.so"), fs).Select(w => w.Path);

        Assert.DoesNotContain(JuliaBinary, watched);
        Assert.DoesNotContain("/images/base.so", watched);
    }

    [Fact]
    public void Collect_InputGoneSinceThePlan_IsLeftOut()
    {
        var plan = Plan(fs);

        fs.Remove(Script);

        Assert.DoesNotContain(Script, WatchList.Collect(plan, fs).Select(w => w.Path));
    }
}
