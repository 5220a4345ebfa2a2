using System.Text.RegularExpressions;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// A damaged image (issue 30), proven on copies of a real built image (the project image, with
/// its metadata; the shared one stays whole): truncated, not an ELF file, and damaged inside with
/// its size and modification time unchanged. julia-net refuses the first two (66, one line);
/// <c>julia-sysimage status</c> finds all three, the last by the SHA-256 recorded at the build
/// (85, one line naming the rebuild command), and writes nothing.
/// </summary>
[Collection(ProjectImageCollection.Name)]
public sealed class ImageDamageSpecs(ProjectImageFixture fixture) : IDisposable
{
    private readonly ScratchDirectories scratch = new(fixture.Tools);

    private Tools Tools => fixture.Tools;

    [Fact]
    public void Status_UndamagedCopy_Exits0AndSaysTheContentWasVerified()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.StandardError);
        var image = CopyImage();

        var status = Tools.Run(Tools.Sysimage, ["status", image]);

        Assert.True(status.ExitCode == 0, status.StandardOutput + status.StandardError);
        Assert.Contains($"image:        {image}\nstate:        up to date\ncontent:      verified (SHA-256 as recorded at the build)\n", status.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", status.StandardError);
    }

    [Fact]
    public void Truncated_StatusAndJuliaNetRefuseWithExit66AndOneLine()
    {
        var image = CopyImage();
        using (var file = new FileStream(image, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(file.Length / 2);
        }

        AssertRefused(image, "system image is a truncated or damaged ELF file");
    }

    [Fact]
    public void NotElf_StatusAndJuliaNetRefuseWithExit66AndOneLine()
    {
        var image = CopyImage();
        var random = new byte[new FileInfo(image).Length];
        new Random(30).NextBytes(random);
        random[0] = 0; // not by chance a magic number
        File.WriteAllBytes(image, random);

        AssertRefused(image, "system image is not a shared library");
    }

    [Fact]
    public void DamagedInsideWithSizeAndMtimeUnchanged_StatusExits85WithOneLineAndTheRebuildCommand()
    {
        var image = CopyImage();
        var size = new FileInfo(image).Length;
        var mtime = new Mtime(Tools, image);
        using (var file = new FileStream(image, FileMode.Open, FileAccess.ReadWrite))
        {
            var middle = new byte[4096];
            file.Position = size / 2;
            file.ReadExactly(middle);
            for (var i = 0; i < middle.Length; i++)
            {
                middle[i] ^= 0xFF;
            }

            file.Position = size / 2;
            file.Write(middle);
        }

        mtime.Restore();
        Assert.Equal(size, new FileInfo(image).Length);
        var before = Listing(image);

        var status = Tools.Run(Tools.Sysimage, ["status", image]);

        Assert.Equal(85, status.ExitCode);
        Assert.Equal("", status.StandardOutput);
        Assert.Matches(
            "^julia-sysimage: error: system image is damaged: " + Regex.Escape(image) + @" \(its content differs from the SHA-256 recorded when it was built\); rebuild: \S*julia-sysimage --force --project .*\n$",
            status.StandardError);
        Assert.Contains(fixture.Project, status.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, Listing(image));
    }

    public void Dispose() => scratch.Dispose();

    /// <summary>The project image and its metadata, copied into a directory of their own.</summary>
    private string CopyImage()
    {
        var image = Path.Combine(scratch.NewDir("damaged image"), "sys.so");
        File.Copy(fixture.Image, image);
        File.Copy(fixture.Image + ".json", image + ".json");
        return image;
    }

    /// <summary>Both tools refuse the image, one error line each, nothing on stdout and nothing written beside it.</summary>
    private void AssertRefused(string image, string reason)
    {
        var before = Listing(image);
        string Line(string tool) => $"^{tool}: error: " + Regex.Escape($"{reason}: {image}") + "\n$";

        var status = Tools.Run(Tools.Sysimage, ["status", image]);
        var launch = Tools.RunLauncher(["-J", image, "-e", "print(1)"]);

        Assert.Equal((66, ""), (status.ExitCode, status.StandardOutput));
        Assert.Matches(Line("julia-sysimage"), status.StandardError);
        Assert.Equal((66, ""), (launch.ExitCode, launch.StandardOutput));
        Assert.Matches(Line("julia-net"), launch.StandardError);
        Assert.Equal(before, Listing(image));
    }

    /// <summary>Every entry of the image's directory with its size and modification time.</summary>
    private static string[] Listing(string image) =>
        [.. new DirectoryInfo(Path.GetDirectoryName(image)!).EnumerateFileSystemInfos().Select(e => $"{e.Name} {(e as FileInfo)?.Length} {e.LastWriteTimeUtc.Ticks}").Order(StringComparer.Ordinal)];
}
