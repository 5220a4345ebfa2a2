using System.Text.RegularExpressions;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// <c>julia-sysimage --print-key</c> (issue 21, part 5): the hash the up-to-date check compares,
/// for a CI cache. It changes when, and only when, an input the build hashes changes, and it
/// builds nothing. Runs the real julia-sysimage and Julia (which it asks for its version).
/// </summary>
[Collection(ToolsCollection.Name)]
public sealed partial class CacheKeySpecs(Tools tools)
{
    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    private string NewProject()
    {
        var dir = tools.NewDir("cache-key");
        TestProjects.Write(dir, TestProjects.PackageProject(2));
        return dir;
    }

    private string Key(string project, params string[] extra)
    {
        var result = tools.Run(tools.Sysimage, ["--print-key", "--project", project, "--script", Path.Combine(project, "precompile.jl"), .. extra, Path.Combine(project, "sys.so")]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        var key = result.StandardOutput.TrimEnd('\n');
        Assert.Matches(Sha256Hex(), key);
        return key;
    }

    [Fact]
    public void PrintKey_Twice_IsTheSameOneLineAndBuildsNothing()
    {
        var project = NewProject();
        var before = Directory.GetFileSystemEntries(project, "*", SearchOption.AllDirectories).Order().ToArray();

        var first = Key(project);
        var second = Key(project);

        Assert.Equal(first, second);
        Assert.Equal(before, Directory.GetFileSystemEntries(project, "*", SearchOption.AllDirectories).Order().ToArray());
    }

    [Fact]
    public void PrintKey_ChangesWhenAndOnlyWhenAHashedInputChanges()
    {
        var project = NewProject();
        var key = Key(project);
        var script = Path.Combine(project, "precompile.jl");
        var helper = Path.Combine(project, "Helper", "src", "Helper.jl");
        var manifest = Path.Combine(project, "Manifest.toml");

        // Not inputs: another file, a touched script with the same text, where the image goes,
        // and options that change how the build runs, not what it builds.
        File.WriteAllText(Path.Combine(project, "NOTES.md"), "not an input\n");
        File.SetLastWriteTimeUtc(script, DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal(key, Key(project));
        Assert.Equal(key, Key(project, "--force", "--quiet", "--keep-build-dir", "--image-threads", "1", "--memory-limit", "64G"));
        var elsewhere = tools.NewDir("cache-key-out");
        var moved = tools.Run(tools.Sysimage, ["--print-key", "--project", project, "--script", script, Path.Combine(elsewhere, "other.so")]);
        Assert.Equal(key + "\n", moved.StandardOutput);

        // Inputs: each change gives a new key, and undoing it gives the old one back.
        void Changes(string file, string text, string what)
        {
            var old = File.ReadAllText(file);
            File.WriteAllText(file, text);
            Assert.True(Key(project) != key, what + " changed but the key did not");
            File.WriteAllText(file, old);
            Assert.Equal(key, Key(project));
        }

        Changes(script, File.ReadAllText(script) + "println(1)\n", "the precompile script");
        Changes(helper, "module Helper\nhelp(x) = string(\"help! \", x)\nend\n", "a path package's source");
        Changes(manifest, File.ReadAllText(manifest).Replace("version = \"0.1.0\"", "version = \"0.1.1\"", StringComparison.Ordinal), "the manifest");
        Assert.NotEqual(key, Key(project, "--cpu-target", "generic"));
        Assert.NotEqual(key, Key(project, "--package", "Helper"));
    }

    /// <summary>
    /// A named pipe in a path package's <c>src/</c> (a dev tool's, say): opening it would block the
    /// hash until a writer came, so the time limit stops a julia-sysimage that does. It counts by
    /// its name alone: adding it changes the key, removing it gives the old key back.
    /// </summary>
    [Fact]
    public void PrintKey_FifoInAPackagesSources_IsNeverOpenedAndCountsByItsName()
    {
        var project = NewProject();
        var key = Key(project);
        var fifo = Path.Combine(project, "Helper", "src", "editor.pipe");
        Assert.Equal(0, tools.Run("mkfifo", [fifo]).ExitCode);

        var result = tools.Run(
            tools.Sysimage, ["--print-key", "--project", project, "--script", Path.Combine(project, "precompile.jl"), Path.Combine(project, "sys.so")], timeLimit: TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Matches(Sha256Hex(), result.StandardOutput.TrimEnd('\n'));
        Assert.NotEqual(key, result.StandardOutput.TrimEnd('\n'));
        File.Delete(fifo);
        Assert.Equal(key, Key(project));
    }

    /// <summary>
    /// A base image given as a symlink counts as the image behind it: replacing that image (a new
    /// file renamed over it, as an update does) changes the key; touching the link alone does not.
    /// </summary>
    [Fact]
    public void PrintKey_BaseImageSymlink_ChangesWhenTheImageBehindItIsReplaced()
    {
        var project = NewProject();
        var store = tools.NewDir("base-image");
        var image = Path.Combine(store, "base-v1.so");
        File.Copy(tools.DefaultImage, image);
        File.SetLastWriteTimeUtc(image, DateTime.UtcNow.AddHours(-2));
        var link = Path.Combine(store, "base.so");
        File.CreateSymbolicLink(link, image);
        var key = Key(project, "--base-sysimage", link);

        Assert.Equal(0, tools.Run("touch", ["-h", link]).ExitCode);
        Assert.Equal(key, Key(project, "--base-sysimage", link));

        File.Copy(tools.DefaultImage, image + ".new");
        File.SetLastWriteTimeUtc(image + ".new", DateTime.UtcNow.AddHours(-1));
        File.Move(image + ".new", image, overwrite: true);
        Assert.NotEqual(key, Key(project, "--base-sysimage", link));
    }
}
