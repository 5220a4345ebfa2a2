using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// One image ready for Distributed's workers per test run: a project with one path package,
/// built with <c>julia-sysimage --distributed</c> and no script, so that what the image holds
/// for workers comes from the build's own session with local workers alone.
/// </summary>
public sealed class WorkerImageFixture : IDisposable
{
    public const string PackageName = "Work";

    public WorkerImageFixture()
    {
        Tools = new Tools();
        Project = Path.Combine(Tools.Root, "worker project");
        TestProjects.Write(Project, TestProjects.OnePackage(PackageName, "work(x) = x^2 + 1\n"));
        Output = Path.Combine(Tools.NewDir("worker image"), "workers.so");
        Build = Tools.BuildImage(["--project", Project, "--distributed", Output]);
    }

    public Tools Tools { get; }

    public string Project { get; }

    public string Output { get; }

    public BufferedCommandResult Build { get; }

    public void Dispose() => Tools.Dispose();
}

[CollectionDefinition(Name)]
public sealed class WorkerImageCollection : ICollectionFixture<WorkerImageFixture>
{
    public const string Name = "worker image";
}
