using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Images;
using static JuliaNet.Core.Tests.Fakes.BuildInputFiles;

namespace JuliaNet.Core.Tests;

/// <summary>Whether julia-sysimage builds, or leaves the image at OUTPUT as it is.</summary>
public sealed class UpToDateSpecs
{
    private readonly FakeFileSystem fs = BuildInputFiles.Create().AddElfImage(Output);

    /// <summary>The metadata of an image built from the inputs as they are now.</summary>
    private ImageMetadata Built() =>
        new() { Julia = JuliaBinary, JuliaVersion = JuliaVersion, InputsHash = Hash(fs).Value, Watch = WatchList.Collect(Plan(fs), fs) };

    private UpToDate? Check(ImageMetadata? previous, bool force = false) => UpToDate.Check(Plan(fs), force, previous, Hash(fs), fs);

    [Fact]
    public void Check_ImageBuiltFromTheseInputs_LeavesItAsItIs()
    {
        Assert.Equal(new UpToDate(null), Check(Built()));
    }

    [Fact]
    public void Check_Force_Builds()
    {
        Assert.Null(Check(Built(), force: true));
    }

    [Fact]
    public void Check_NoImageAtOutput_Builds()
    {
        var built = Built();

        fs.Remove(Output);

        Assert.Null(Check(built));
    }

    [Fact]
    public void Check_ImageAtOutputTruncated_Builds()
    {
        var built = Built();

        fs.AddFile(Output, ElfFiles.JuliaImage()[..100]);

        Assert.Null(Check(built));
    }

    [Fact]
    public void Check_ImageAtOutputNotAnElfFile_Builds()
    {
        var built = Built();

        fs.AddFile(Output, [0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0]);

        Assert.Null(Check(built));
    }

    [Fact]
    public void Check_NoMetadata_Builds()
    {
        Assert.Null(Check(null));
    }

    [Fact]
    public void Check_MetadataWithoutAnInputsHash_Builds()
    {
        Assert.Null(Check(Built() with { InputsHash = null }));
    }

    [Fact]
    public void Check_ASourceFileChangedSinceTheBuild_Builds()
    {
        var built = Built();

        fs.AddTextFile(Src + "/parts/hello.jl", "greet() = \"howdy\"\n");

        Assert.Null(Check(built));
    }

    [Fact]
    public void Check_ASourceFileTouchedButUnchanged_RestampsTheWatchedInputs()
    {
        var built = Built();

        fs.Touch(Src + "/parts/hello.jl", 1_800_000_000_000_000_000);

        var restamped = Check(built)?.Restamped;
        Assert.NotNull(restamped);
        Assert.Equal(built with { Watch = restamped.Watch }, restamped);
        Assert.Equal(1_800_000_000_000_000_000, restamped.Watch.Single(w => w.Path == Src + "/parts/hello.jl").Modified);
        Assert.Null(StaleCheck.FirstChange(restamped.Watch, fs));
    }

    [Fact]
    public void Check_AnEmptyDirectoryAddedToTheSources_RestampsWithItWatched()
    {
        var built = Built();

        fs.AddDirectory(Src + "/more").Touch(Src, 300);

        Assert.Contains(Src + "/more", Check(built)?.Restamped?.Watch.Select(w => w.Path) ?? []);
    }
}
