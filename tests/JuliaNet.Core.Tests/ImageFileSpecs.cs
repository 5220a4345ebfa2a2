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

        Assert.Equal(ExitCode.ImageNotFound, error.ExitCode);
        Assert.Contains(Image, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DanglingSymlink_ThrowsImageNotFound()
    {
        var fs = new FakeFileSystem().AddSymlink(Image, "/images/gone.so");

        var error = Assert.Throws<UserError>(() => ImageFile.Validate(Image, fs));

        Assert.Equal(ExitCode.ImageNotFound, error.ExitCode);
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
            "unreadable" => fs.AddFile(Image, ElfFiles.JuliaImage(), readable: false),
            "empty" => fs.AddFile(Image, []),
            "text" => fs.AddTextFile(Image, "this is not an image\n"),
            "script" => fs.AddTextFile(Image, "#!/bin/sh\necho hi\n"),
            "short" => fs.AddFile(Image, [0x7F, (byte)'E', (byte)'L']),
            "archive" => fs.AddTextFile(Image, "!<arch>\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = Assert.Throws<UserError>(() => ImageFile.Validate(Image, fs));

        Assert.Equal(ExitCode.ImageUnusable, error.ExitCode);
        Assert.Equal($"system image {reason}: {Image}", error.Message);
    }

    /// <summary>Mach-O and PE images are recognised by their magic only.</summary>
    public static TheoryData<byte[]> NonElfSharedLibraryHeaders => new()
    {
        { [0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1] },
        { [0xCE, 0xFA, 0xED, 0xFE] },
        { [0xCA, 0xFE, 0xBA, 0xBE] },
        { Encoding.ASCII.GetBytes("MZ\x90\0") },
    };

    [Theory]
    [MemberData(nameof(NonElfSharedLibraryHeaders))]
    public void Validate_NonElfSharedLibraryHeader_Passes(byte[] head)
    {
        var fs = new FakeFileSystem().AddFile(Image, [.. head, 0, 0, 0, 0]);

        var exception = Record.Exception(() => ImageFile.Validate(Image, fs));

        Assert.Null(exception);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Validate_ElfSharedObjectDefiningTheImageSymbol_Passes(bool is64, bool littleEndian)
    {
        var fs = new FakeFileSystem().AddFile(Image, ElfFiles.JuliaImage(is64, littleEndian));

        Assert.Null(Record.Exception(() => ImageFile.Validate(Image, fs)));
    }

    public static TheoryData<string, string> ElfFilesThatAreNotImages => new()
    {
        { "pie", "is not a Julia system image (it does not define jl_system_image_data)" },
        { "library", "is not a Julia system image (it does not define jl_system_image_data)" },
        { "importer", "is not a Julia system image (it does not define jl_system_image_data)" },
        { "executable", "is not a shared library" },
        { "object", "is not a shared library" },
        { "truncated", "is a truncated or damaged ELF file" },
        { "header only", "is a truncated or damaged ELF file" },
        { "bad class", "is a truncated or damaged ELF file" },
    };

    /// <summary>
    /// /bin/ls on Debian is a position-independent executable, an ELF shared object like an
    /// image; only the image symbol tells them apart. libjulia imports it, it does not define it.
    /// </summary>
    [Theory]
    [MemberData(nameof(ElfFilesThatAreNotImages))]
    public void Validate_ElfFileThatIsNotAnImage_ThrowsImageUnusable(string kind, string reason)
    {
        var content = kind switch
        {
            "pie" => ElfFiles.Build(ElfFiles.SharedObject, [("main", true), ("__libc_start_main", false)]),
            "library" => ElfFiles.Build(ElfFiles.SharedObject, [("jl_restore_system_image", true)], is64: false),
            "importer" => ElfFiles.Build(ElfFiles.SharedObject, [("jl_system_image_data", false)]),
            "executable" => ElfFiles.Build(ElfFiles.Executable, [("jl_system_image_data", true)]),
            "object" => ElfFiles.Build(ElfFiles.Relocatable, [("jl_system_image_data", true)]),
            "truncated" => ElfFiles.JuliaImage()[..^10],
            "header only" => ElfFiles.JuliaImage()[..40],
            "bad class" => [.. ElfFiles.JuliaImage()[..4], 9, .. ElfFiles.JuliaImage()[5..]],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var fs = new FakeFileSystem().AddFile(Image, content);

        var error = Assert.Throws<UserError>(() => ImageFile.Validate(Image, fs));

        Assert.Equal(ExitCode.ImageUnusable, error.ExitCode);
        Assert.Equal($"system image {reason}: {Image}", error.Message);
    }

    [Fact]
    public void Validate_ElfSharedObjectWithoutSectionHeaders_PassesUnchecked()
    {
        var content = ElfFiles.JuliaImage();
        content.AsSpan(0x28, 8).Clear(); // e_shoff = 0: stripped of section headers; Julia decides

        Assert.Null(Record.Exception(() => ImageFile.Validate(Image, new FakeFileSystem().AddFile(Image, content))));
    }

    [Fact]
    public void Validate_SymlinkToElf_Passes()
    {
        var fs = new FakeFileSystem().AddElfImage("/store/app-v2.so").AddSymlink(Image, "/store/app-v2.so");

        Assert.Null(Record.Exception(() => ImageFile.Validate(Image, fs)));
    }
}
