using System.Text;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Images;

namespace JuliaNet.Core.Tests;

public sealed class ImageFileSpecs
{
    private const string Image = "/images/app.so";

    [Fact]
    public void Validate_Missing_ThrowsImageNotFound()
    {
        var error = Assert.Throws<UserError>(() => ImageFile.Validate(Image, new FakeFileSystem()));

        Assert.Equal(ExitCodes.ImageNotFound, error.ExitCode);
        Assert.Contains(Image, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DanglingSymlink_ThrowsImageNotFound()
    {
        var fs = new FakeFileSystem().AddSymlink(Image, "/images/gone.so");

        var error = Assert.Throws<UserError>(() => ImageFile.Validate(Image, fs));

        Assert.Equal(ExitCodes.ImageNotFound, error.ExitCode);
    }

    public static TheoryData<string, string> UnusableImages => new()
    {
        { "directory", "is a directory" },
        { "special", "is not a regular file" },
        { "unreadable", "is not readable" },
        { "empty", "is empty" },
        { "text", "is not a shared library" },
        { "script", "is not a shared library" },
        { "short", "is not a shared library" },
        { "archive", "is not a shared library" },
    };

    [Theory]
    [MemberData(nameof(UnusableImages))]
    public void Validate_UnusableImage_ThrowsImageUnusable(string kind, string reason)
    {
        var fs = new FakeFileSystem();
        _ = kind switch
        {
            "directory" => fs.AddDirectory(Image),
            "special" => fs.AddSpecial(Image),
            "unreadable" => fs.AddFile(Image, FakeFileSystem.ElfHeader, readable: false),
            "empty" => fs.AddFile(Image, []),
            "text" => fs.AddTextFile(Image, "this is not an image\n"),
            "script" => fs.AddTextFile(Image, "#!/bin/sh\necho hi\n"),
            "short" => fs.AddFile(Image, [0x7F, (byte)'E', (byte)'L']),
            "archive" => fs.AddTextFile(Image, "!<arch>\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = Assert.Throws<UserError>(() => ImageFile.Validate(Image, fs));

        Assert.Equal(ExitCodes.ImageUnusable, error.ExitCode);
        Assert.Equal($"system image {reason}: {Image}", error.Message);
    }

    public static TheoryData<byte[]> SharedLibraryHeaders => new()
    {
        { FakeFileSystem.ElfHeader },
        { [0x7F, (byte)'E', (byte)'L', (byte)'F'] },
        { [0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1] },
        { [0xCE, 0xFA, 0xED, 0xFE] },
        { [0xCA, 0xFE, 0xBA, 0xBE] },
        { Encoding.ASCII.GetBytes("MZ\x90\0") },
    };

    [Theory]
    [MemberData(nameof(SharedLibraryHeaders))]
    public void Validate_SharedLibraryHeader_Passes(byte[] head)
    {
        var fs = new FakeFileSystem().AddFile(Image, [.. head, 0, 0, 0, 0]);

        var exception = Record.Exception(() => ImageFile.Validate(Image, fs));

        Assert.Null(exception);
    }

    [Fact]
    public void Validate_SymlinkToElf_Passes()
    {
        var fs = new FakeFileSystem().AddElfImage("/store/app-v2.so").AddSymlink(Image, "/store/app-v2.so");

        Assert.Null(Record.Exception(() => ImageFile.Validate(Image, fs)));
    }

    [Theory]
    [InlineData("/images/app.so", "/images/app.so.json")]
    [InlineData("/images/app", "/images/app.json")]
    [InlineData("/images/app.dylib", "/images/app.dylib.json")]
    public void MetadataPath_Image_IsImagePathPlusJson(string image, string expected)
    {
        Assert.Equal(expected, ImageFile.MetadataPath(image));
    }
}
