using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// One image per test run of an environment with packages A, B and NoCache (TestProjects.Environment),
/// built with <c>--package A --package NoCache</c> and a script that uses B far more than A.
/// The build names its Julia with <c>--julia</c>, and a <c>julia</c> that is not a Julia comes
/// first on PATH (<see cref="WrongJuliaOnPath"/>): no step, and no child of a step, may run it.
/// </summary>
public sealed class PackageSubsetFixture : IDisposable
{
    public PackageSubsetFixture()
    {
        Tools = new Tools();
        Project = Path.Combine(Tools.Root, "environment");
        TestProjects.Write(Project, TestProjects.Environment());
        Output = Path.Combine(Tools.NewDir("subset"), "subset.so");
        WrongJuliaOnPath = Path.Combine(Tools.NewDir("wrong-julia"), "julia");
        WrongJuliaRan = WrongJuliaOnPath + ".ran";
        File.WriteAllText(WrongJuliaOnPath, $"#!/bin/sh\n# not a Julia: marks that it ran, then fails\ntouch '{WrongJuliaRan}'\nexit 3\n");
        File.SetUnixFileMode(WrongJuliaOnPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Path.GetDirectoryName(WrongJuliaOnPath) + ":" + System.Environment.GetEnvironmentVariable("PATH");
        Build = Tools.BuildImage([.. Arguments, "--julia", Tools.Julia, Output], Tools.Environment(new Dictionary<string, string?> { ["PATH"] = path }), cwd: Project);
    }

    /// <summary>A program named julia, first on the build's PATH, that only leaves <see cref="WrongJuliaRan"/> behind and fails.</summary>
    public string WrongJuliaOnPath { get; }

    public string WrongJuliaRan { get; }

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
