using System.Text.RegularExpressions;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// One project image per test run, built the way the README says: in the project's directory,
/// <c>julia-sysimage --script precompile.jl</c>, no OUTPUT and no <c>--project</c> (found
/// upwards). The project is a package project with a path dependency, and a <c>src</c>
/// directory to start from below it.
/// </summary>
public sealed partial class ProjectImageFixture : IDisposable
{
    public const int Types = 3;

    public ProjectImageFixture()
    {
        Tools = new Tools();
        Project = Path.Combine(Tools.Root, "my app");
        TestProjects.Write(Project, TestProjects.PackageProject(Types));
        Build = Tools.BuildImage(["--script", "precompile.jl"], cwd: Project);
        Image = Wrote().Match(Build.StandardError) is { Success: true } m ? m.Groups["image"].Value : "";
    }

    public Tools Tools { get; }

    public string Project { get; }

    public string PackageName => Bench.Synth.SynthPackage.Name(Types);

    public BufferedCommandResult Build { get; }

    /// <summary>The image the build says it wrote (empty when it wrote none).</summary>
    public string Image { get; }

    [GeneratedRegex(@"^julia-sysimage: wrote (?<image>.+) \([0-9.]+ MB\) in ", RegexOptions.Multiline)]
    private static partial Regex Wrote();

    public void Dispose() => Tools.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ProjectImageCollection : ICollectionFixture<ProjectImageFixture>
{
    public const string Name = "project image";
}
