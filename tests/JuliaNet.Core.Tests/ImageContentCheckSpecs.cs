using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Paths;

namespace JuliaNet.Core.Tests;

/// <summary><c>julia-sysimage status</c>'s content check (issue 30): the image's bytes against the SHA-256 recorded at the build.</summary>
public sealed class ImageContentCheckSpecs
{
    private const string Image = "/work/app/sys.so";

    private readonly FakeFileSystem fs = new FakeFileSystem().AddElfImage(Image);

    private string Hash() => FileDigest.Sha256(Image, fs) ?? throw new InvalidOperationException("the fake image does not read");

    [Fact]
    public void Of_BytesAsBuilt_IsVerified()
    {
        var recorded = Hash();

        Assert.Equal(ImageContent.Verified, ImageContentCheck.Of(recorded, Hash));
        Assert.Equal(ImageContent.Verified, ImageContentCheck.Of(recorded.ToUpperInvariant(), Hash));
    }

    [Fact]
    public void Of_OneByteChangedInTheMiddle_IsDamaged()
    {
        var recorded = Hash();
        var bytes = ElfFiles.JuliaImage();
        bytes[bytes.Length / 2] ^= 0xFF;

        fs.AddFile(Image, bytes);

        Assert.Equal(ImageContent.Damaged, ImageContentCheck.Of(recorded, Hash));
    }

    [Fact]
    public void Of_NoDigestRecorded_IsNotCheckedAndHashesNothing()
    {
        var hashed = 0;

        var content = ImageContentCheck.Of(null, () =>
        {
            hashed++;
            return Hash();
        });

        Assert.Equal(ImageContent.NotChecked, content);
        Assert.Equal(0, hashed);
    }

    [Fact]
    public void Damaged_WithRebuildCommand_IsOneLineNamingTheImageAndTheRebuildWithForce()
    {
        var error = ImageContentCheck.Damaged(Image, ["/tools/julia-sysimage", "--project", "/work/my app", Image]);

        Assert.Equal(ExitCode.ImageDamaged, error.ExitCode);
        Assert.Equal(
            "system image is damaged: /work/app/sys.so (its content differs from the SHA-256 recorded when it was built); rebuild: /tools/julia-sysimage --force --project '/work/my app' /work/app/sys.so",
            error.OneLine);
    }

    [Fact]
    public void Damaged_NoRebuildCommandRecorded_SaysToBuildAgainWithForce()
    {
        var error = ImageContentCheck.Damaged(Image, []);

        Assert.EndsWith("; build it again with --force", error.OneLine, StringComparison.Ordinal);
    }
}
