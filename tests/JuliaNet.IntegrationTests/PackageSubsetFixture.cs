using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// One image per test run of an environment with packages A, B and NoCache (TestProjects.Environment),
/// built with <c>--package A --package NoCache</c> and a script that uses B far more than A.
/// </summary>
public sealed class PackageSubsetFixture : IDisposable
{
    public PackageSubsetFixture()
    {
        Tools = new Tools();
        Project = Path.Combine(Tools.Root, "environment");
        TestProjects.Write(Project, TestProjects.Environment());
        Output = Path.Combine(Tools.NewDir("subset"), "subset.so");
        Build = Tools.BuildImage([.. Arguments, Output], cwd: Project);
    }

    /// <summary>The build's options, without OUTPUT (run in <see cref="Project"/>).</summary>
    public string[] Arguments => ["--project", ".", "--package", "A", "--package", "NoCache", "--script", "use.jl"];

    public Tools Tools { get; }

    public string Project { get; }

    public string Output { get; }

    public BufferedCommandResult Build { get; }

    public void Dispose() => Tools.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PackageSubsetCollection : ICollectionFixture<PackageSubsetFixture>
{
    public const string Name = "package subset image";
}
