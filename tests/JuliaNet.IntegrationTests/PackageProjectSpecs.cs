using System.Globalization;

namespace JuliaNet.IntegrationTests;

/// <summary>A package project goes into its own image: the package itself, its dependencies, and the statements that name it.</summary>
[Collection(PackageProjectCollection.Name)]
public sealed class PackageProjectSpecs(PackageProjectFixture image)
{
    private Tools Tools => image.Tools;

    [Fact]
    public void Build_InsideAPackageProject_IncludesThePackageItselfAndItsDependencies()
    {
        var stderr = image.Build.StandardError;

        Assert.True(image.Build.ExitCode == 0, stderr);
        Assert.Contains($"  packages: {image.PackageName}, Helper, Printf; with their dependencies: Unicode\n", stderr, StringComparison.Ordinal);
        var loaded = stderr.Split('\n').Single(l => l.StartsWith("  packages from precompile caches: ", StringComparison.Ordinal));
        // Printf and Unicode come from caches too where Julia's own image lacks them (from 1.11)
        string[] stdlibs = ["Printf", "Unicode"];
        Assert.Equal(
            stdlibs.Where(s => !Tools.InDefaultImage(s)).Concat(["Helper", image.PackageName]).Order(StringComparer.Ordinal),
            loaded["  packages from precompile caches: ".Length..].Split(';')[0].Split(", ").Order(StringComparer.Ordinal));
        Assert.DoesNotContain("warning:", stderr, StringComparison.Ordinal);
        Assert.Contains($"\"name\": \"{image.PackageName}\"", File.ReadAllText(image.Output + ".json"), StringComparison.Ordinal);
        Assert.False(File.Exists(image.Output + ".failed-statements.jl"), "no statement failed, so no list is kept");
    }

    [Fact]
    public void Build_InsideAPackageProject_ReplaysTheStatementsThatNameThePackage()
    {
        var line = image.Build.StandardError.Split('\n').Single(l => l.StartsWith("  precompile statements: ", StringComparison.Ordinal));
        var counts = line["  precompile statements: ".Length..].Split(' ');
        var (replayed, tried) = (int.Parse(counts[0], CultureInfo.InvariantCulture), int.Parse(counts[2], CultureInfo.InvariantCulture));

        Assert.True(tried > 0, line);
        Assert.Equal(tried, replayed); // without the package in the image, those naming it fail
    }

    [Fact]
    public void Build_ScriptLoadsAStdlibTheProjectDoesNotList_PutsItInTheImage()
    {
        const string TestLoaded = "print(haskey(Base.loaded_modules, Base.PkgId(Base.UUID(\"8dfed614-e22c-5e08-85e1-65c5234f0b40\"), \"Test\")))";
        var inJuliasImage = Tools.InDefaultImage("Test");

        var inOurs = Tools.RunLauncher(["--sysimage", image.Output, "--startup-file=no", "-e", TestLoaded]);

        Assert.Equal("true", inOurs.StandardOutput);
        if (!inJuliasImage) // from 1.10: Test is not in Julia's own image
        {
            // with the standard libraries Test needs that Julia's image lacks (from 1.12, Logging,
            // Random's neighbours and more)
            const string Added = "; standard libraries the scripts load, added: ";
            var line = image.Build.StandardError.Split('\n').Single(l => l.StartsWith("  packages from ", StringComparison.Ordinal));
            Assert.Contains(Added, line, StringComparison.Ordinal);
            Assert.Contains("Test", line[(line.IndexOf(Added, StringComparison.Ordinal) + Added.Length)..].Split("; ")[0].Split(", "));
        }
    }

    [Fact]
    public void FirstCall_OfThePackageInItsOwnImage_IsTenTimesFaster()
    {
        var ratio = FirstCall.Speedup(Tools, image.Project, image.PackageName, image.Output);

        Assert.True(ratio >= 10, $"first result only {ratio:0.0}x faster with the image");
    }

    [Fact]
    public void Build_JuliaCcWithWords_LinksWithThem()
    {
        Assert.True(image.Build.ExitCode == 0, image.Build.StandardError);

        var dynamic = Tools.Run("readelf", ["-d", image.Output]);

        Assert.Equal(0, dynamic.ExitCode);
        Assert.Contains($"[{PackageProjectFixture.CompilerRunpath}]", dynamic.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondBuild_WithTheImageInsideTheProject_IsUpToDate()
    {
        var again = Tools.BuildImage(["--project", ".", "--script", "precompile.jl", "--launcher", image.LauncherCopy, "sys.so"], cwd: image.Project);

        Assert.True(again.ExitCode == 0, again.StandardError);
        Assert.Contains("is up to date", again.StandardError, StringComparison.Ordinal);
    }
}
