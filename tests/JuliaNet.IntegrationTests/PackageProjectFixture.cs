using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// One image of a package project per test run, built the way a package author would, inside
/// the package's directory: <c>julia-sysimage --project . --script precompile.jl sys.so</c>.
/// The launcher recorded in it is a copy of julia-net (<c>--launcher</c>), so that tests can
/// take it away. The C compiler comes from <c>JULIA_CC</c> with words of its own, as
/// PackageCompiler users set it: a quoted linker flag that records <see cref="CompilerRunpath"/>.
/// </summary>
public sealed class PackageProjectFixture : IDisposable
{
    public const int Types = 24;

    /// <summary>A run path the compiler's own words put in the image (a directory that need not exist).</summary>
    public const string CompilerRunpath = "/julia-net-test/cc words";

    public PackageProjectFixture()
    {
        Tools = new Tools();
        Project = Path.Combine(Tools.Root, "synth package");
        TestProjects.Write(Project, TestProjects.PackageProject(Types));
        LauncherCopy = Tools.CopyLauncher("launcher copy");
        Output = Path.Combine(Project, "sys.so");
        Build = Tools.BuildImage(
            ["--project", ".", "--script", "precompile.jl", "--launcher", LauncherCopy, "sys.so"],
            new Dictionary<string, string?> { ["JULIA_CC"] = $"cc '-Wl,-rpath,{CompilerRunpath}'" },
            cwd: Project);
    }

    public Tools Tools { get; }

    public string Project { get; }

    public string PackageName => Bench.Synth.SynthPackage.Name(Types);

    public string Source => Path.Combine(Project, "src", PackageName + ".jl");

    public string LauncherCopy { get; }

    public string Output { get; }

    public BufferedCommandResult Build { get; }

    public void Dispose() => Tools.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PackageProjectCollection : ICollectionFixture<PackageProjectFixture>
{
    public const string Name = "package project image";
}
