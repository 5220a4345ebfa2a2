using System.Text.Json;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// Per-project images, live (issue 21, part 1): julia-sysimage without OUTPUT builds the
/// project's image into julia-net's place; the real julia-net runs it whenever Julia would
/// activate that project, and Julia's default image otherwise; an image named by the user wins.
/// </summary>
[Collection(ProjectImageCollection.Name)]
public sealed class ProjectImageSpecs(ProjectImageFixture fixture)
{
    private const string ImageFile = "print(unsafe_string(Base.JLOptions().image_file))";

    private Tools Tools => fixture.Tools;

    private string Launch(IReadOnlyList<string> args, string cwd, IReadOnlyDictionary<string, string?>? env = null)
    {
        var result = Tools.RunLauncher(args, env, cwd: cwd);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput;
    }

    [Fact]
    public void Build_WithoutOutput_WritesTheProjectsImageUnderJuliaNetsCacheWithItsMetadata()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.StandardError);
        Assert.StartsWith(Path.Combine(Tools.CacheRoot, "projects", "my_app-"), fixture.Image, StringComparison.Ordinal);
        Assert.True(File.Exists(fixture.Image), fixture.Image);
        using var metadata = JsonDocument.Parse(File.ReadAllText(fixture.Image + ".json"));
        var rebuild = metadata.RootElement.GetProperty("rebuild").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(["--project", fixture.Project], rebuild[1..3]);
        Assert.Contains("--julia", rebuild);
        Assert.DoesNotContain(rebuild, a => a.EndsWith(".so", StringComparison.Ordinal));
    }

    [Fact]
    public void Launch_InTheProject_RunsItsImageWithThePackageLoaded()
    {
        var code = $"{ImageFile}; print(' ', any(k -> k.name == \"{fixture.PackageName}\", keys(Base.loaded_modules)))";

        Assert.Equal(fixture.Image + " true", Launch(["--project=" + fixture.Project, "-e", code], Tools.Root));
    }

    [Fact]
    public void Launch_ProjectFoundAsJuliaFindsIt_RunsItsImage()
    {
        var src = Path.Combine(fixture.Project, "src");

        Assert.Equal(fixture.Image, Launch(["--project", "-e", ImageFile], src));
        Assert.Equal(fixture.Image, Launch(["--project=@.", "-e", ImageFile], src));
        Assert.Equal(fixture.Image, Launch(["-e", ImageFile], Tools.Root, new Dictionary<string, string?> { ["JULIA_PROJECT"] = fixture.Project }));
        Assert.Equal(fixture.Image, Launch(["-e", ImageFile], src, new Dictionary<string, string?> { ["JULIA_PROJECT"] = "@." }));
    }

    [Fact]
    public void Launch_NoProjectActive_RunsJuliasDefaultImage()
    {
        Assert.Equal(Tools.DefaultImage, Launch(["-e", ImageFile], fixture.Project));
    }

    [Fact]
    public void Launch_ImageNamedByTheUser_WinsOverTheProjectImage()
    {
        var project = "--project=" + fixture.Project;

        Assert.Equal(Tools.DefaultImage, Launch([project, "--sysimage", Tools.DefaultImage, "-e", ImageFile], Tools.Root));
        Assert.Equal(Tools.DefaultImage, Launch([project, "-e", ImageFile], Tools.Root, new Dictionary<string, string?> { ["JULIA_NET_SYSIMAGE"] = Tools.DefaultImage }));
    }

    [Fact]
    public void Info_SaysWhichImageWasChosenAndWhy()
    {
        var inProject = InfoJson.Read(Tools, Tools.Launcher, "--project=" + fixture.Project, "-e", "0");
        var named = InfoJson.Read(Tools, Tools.Launcher, "--project=" + fixture.Project, "-J", Tools.DefaultImage, "-e", "0");
        var none = InfoJson.Read(Tools, Tools.Launcher, "-e", "0");

        Assert.Equal((fixture.Image, "project", fixture.Project), (inProject.GetProperty("sysimage").GetString(), inProject.GetProperty("sysimageSource").GetString(), inProject.GetProperty("project").GetString()));
        Assert.Equal("-J", named.GetProperty("sysimageSource").GetString());
        Assert.Equal((Tools.DefaultImage, "julia-default", JsonValueKind.Null), (none.GetProperty("sysimage").GetString(), none.GetProperty("sysimageSource").GetString(), none.GetProperty("project").ValueKind));
    }

    [Fact]
    public void Build_WithoutOutputAgain_FindsTheSameImageUpToDate()
    {
        var again = Tools.BuildImage(["--script", Path.Combine(fixture.Project, "precompile.jl")], cwd: Path.Combine(fixture.Project, "src"));

        Assert.True(again.ExitCode == 0, again.StandardError);
        Assert.Equal($"julia-sysimage: {fixture.Image} is up to date (use --force to rebuild)\n", again.StandardError);
    }

    [Fact]
    public void Status_OfTheProjectImage_SaysHowItWasBuiltAndExits0WhenUpToDate()
    {
        var text = Tools.Run(Tools.Sysimage, ["status"], cwd: fixture.Project);
        var json = Tools.Run(Tools.Sysimage, ["status", "--json", fixture.Image], cwd: Tools.Root);

        Assert.True(text.ExitCode == 0, text.StandardOutput + text.StandardError);
        Assert.Contains($"image:        {fixture.Image}\nstate:        up to date\n", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"  Helper 0.1.0 [path {Path.Combine(fixture.Project, "Helper")}]: as in the manifest\n", text.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        using var report = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal(Tools.JuliaVersion, report.RootElement.GetProperty("juliaVersion").GetString());
        Assert.InRange(report.RootElement.GetProperty("peakMemoryBytes").GetInt64(), 100L << 20, 64L << 30);
        Assert.InRange(report.RootElement.GetProperty("buildSeconds").GetDouble(), 1, Tools.ImageBuildTime.TotalSeconds);
    }

    [Fact]
    public void Status_AfterASourceChanged_NamesItAndExits80()
    {
        var source = Path.Combine(fixture.Project, "Helper", "src", "Helper.jl");
        var stamp = Tools.Run("stat", ["-c", "%.9Y", source]).StandardOutput.Trim();
        var text = File.ReadAllText(source);
        try
        {
            File.WriteAllText(source, text + "# changed\n");
            var status = Tools.Run(Tools.Sysimage, ["status", "--project", fixture.Project]);

            Assert.Equal(80, status.ExitCode);
            Assert.Contains("state:        out of date\n", status.StandardOutput, StringComparison.Ordinal);
            Assert.Contains($"changed since the build: 1\n  {source} changed since it was built\n", status.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.WriteAllText(source, text);
            Assert.Equal(0, Tools.Run("touch", ["-m", "-d", "@" + stamp, source]).ExitCode);
        }
    }

    [Fact]
    public void Status_NoImage_IsOneLineWithExit65()
    {
        var other = Tools.NewDir("no image");
        File.WriteAllText(Path.Combine(other, "Project.toml"), "");

        var status = Tools.Run(Tools.Sysimage, ["status", "--project", other]);

        Assert.Equal(65, status.ExitCode);
        Assert.Equal("", status.StandardOutput);
        Assert.Matches(@"^julia-sysimage: error: the project has no image for this Julia: \S.*\n$", status.StandardError);
    }
}
