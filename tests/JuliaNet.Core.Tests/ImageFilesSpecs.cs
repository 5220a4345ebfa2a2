using JuliaNet.Images;

namespace JuliaNet.Core.Tests;

public class ImageFilesSpecs
{
    [Theory]
    [InlineData("/images/app.so", "/images/app.so.json")]
    [InlineData("/images/app", "/images/app.json")]
    [InlineData("/images/app.dylib", "/images/app.dylib.json")]
    public void Metadata_OfAnImage_IsTheImagePathPlusJson(string image, string expected)
    {
        Assert.Equal(expected, new ImageFiles(image).Metadata);
    }

    [Fact]
    public void Sidecars_OfAnImage_AreHiddenFilesBesideIt()
    {
        var files = new ImageFiles("/work/images/sys.so");

        Assert.Equal("/work/images", files.Directory);
        Assert.Equal("/work/images/.sys.so.launch", files.LaunchRecord);
        Assert.Equal("/work/images/.sys.so.rebuild.json", files.RebuildRecord);
        Assert.Equal("/work/images/.sys.so.rebuild.log", files.RebuildLog);
        Assert.Equal("/work/images/.sys.so.lock", files.Lock);
        Assert.Equal("/work/images/.julia-sysimage-sys.so-0123456789ab", files.BuildFolder("0123456789ab"));
    }

    [Theory]
    [InlineData("/work/images/sys.so")]
    [InlineData("/work/images/sys.so.json")]
    [InlineData("/work/images/.sys.so.launch")]
    [InlineData("/work/images/.sys.so.rebuild.json")]
    public void TemporaryFile_OfTheImageOrAFileOfIt_IsHiddenBesideItAndKnownAsTheImages(string path)
    {
        var files = new ImageFiles("/work/images/sys.so");

        var temporary = ImageFiles.TemporaryFor(path, "0123456789abcdef0123456789abcdef");

        Assert.Equal("/work/images", Path.GetDirectoryName(temporary));
        Assert.StartsWith(".", Path.GetFileName(temporary), StringComparison.Ordinal);
        Assert.True(files.IsTemporaryFile(Path.GetFileName(temporary)), temporary);
    }

    [Theory]
    [InlineData("/work/images/sys.so2")]
    [InlineData("/work/images/sys.so2.json")]
    [InlineData("/work/images/.sys.so2.launch")]
    [InlineData("/work/images/other.so")]
    [InlineData("/work/images/sys.so.rebuild.log")]
    public void TemporaryFile_OfAnotherImageOrFile_IsNotKnownAsTheImages(string other)
    {
        var files = new ImageFiles("/work/images/sys.so");

        Assert.False(files.IsTemporaryFile(Path.GetFileName(ImageFiles.TemporaryFor(other, "abc"))));
    }

    [Theory]
    [InlineData("sys.so")]
    [InlineData(".sys.so.lock")]
    [InlineData(".tmp-abc")]
    [InlineData("..tmp-abc")]
    public void OtherNames_AreNotTemporaryFiles(string name)
    {
        Assert.False(new ImageFiles("/work/images/sys.so").IsTemporaryFile(name));
    }
}
