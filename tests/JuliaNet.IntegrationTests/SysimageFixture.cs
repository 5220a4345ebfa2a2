using System.Security.Cryptography;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// One image per test run (it takes minutes): the example project, copied to a temporary
/// directory, built with the published julia-sysimage and its precompile script.
/// </summary>
public sealed class SysimageFixture : IDisposable
{
    public SysimageFixture()
    {
        Tools = new Tools();
        Project = Path.Combine(Tools.Root, "hello project");
        CopyDirectory(Path.Combine(Tools.RepoRoot(), "examples", "hello"), Project);
        ProjectFilesBefore = HashProjectFiles();
        Output = Path.Combine(Tools.NewDir("image"), "sys.so");
        Sysimage = Tools.Sysimage;
        Build = Tools.Run(Sysimage, ["--project", Project, "--script", Script, Output]);
    }

    public Tools Tools { get; }

    public string Project { get; }

    public string Script => Path.Combine(Project, "precompile.jl");

    public string Output { get; }

    public string Sysimage { get; }

    public BufferedCommandResult Build { get; }

    public Dictionary<string, string> ProjectFilesBefore { get; }

    public Dictionary<string, string> HashProjectFiles() =>
        Directory.EnumerateFiles(Project, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    public void Dispose() => Tools.Dispose();

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SysimageCollection : ICollectionFixture<SysimageFixture>
{
    public const string Name = "built image";
}
