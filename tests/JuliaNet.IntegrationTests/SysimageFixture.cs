using System.Security.Cryptography;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// One image per test run (it takes minutes), made the way the README's install section
/// says: both tools installed with <c>dotnet tool install -g</c> from the packages this run
/// built (into a private HOME), then the example project (a temporary copy, with a space in
/// its path) built by the installed julia-sysimage, which records the installed julia-net.
/// </summary>
public sealed class SysimageFixture : IDisposable
{
    public SysimageFixture()
    {
        Tools = new Tools();
        PackagesDir = System.Environment.GetEnvironmentVariable("JULIA_NET_PACKAGES_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Tools.RepoRoot(), "artifacts", "packages");
        if (!Directory.Exists(PackagesDir))
        {
            throw new InvalidOperationException($"{PackagesDir} not found: run the Pack target of build.cake first");
        }

        // Spaces, quotes, $, ;, a backslash and non-ASCII: no path ever passes through a shell.
        // (Not a newline: Julia 1.5 itself cannot load a project from such a path.)
        Project = Path.Combine(Tools.Root, "hello project $HOME;'\"\\ ü");
        CopyDirectory(Path.Combine(Tools.RepoRoot(), "examples", "hello"), Project);
        ProjectFilesBefore = HashProjectFiles();
        ToolsDir = Path.Combine(Tools.Home, ".dotnet", "tools");
        InstalledLauncher = Path.Combine(ToolsDir, "julia-net");
        Sysimage = Path.Combine(ToolsDir, "julia-sysimage");
        Install = [RunGuide(InstallGuide.InstallLauncher), RunGuide(InstallGuide.InstallSysimage)];
        var build = Guide(InstallGuide.BuildImage);
        Output = build[^1];
        Build = Tools.Run(Sysimage, build[1..], InstalledEnvironment(), timeLimit: Tools.ImageBuildTime);
    }

    public Tools Tools { get; }

    /// <summary>The packages this run built (build.cake's Pack target).</summary>
    public string PackagesDir { get; }

    /// <summary>Where <c>dotnet tool install -g</c> puts the shims: ~/.dotnet/tools of the private HOME.</summary>
    public string ToolsDir { get; }

    /// <summary>The installed julia-net, as on PATH (a symlink into the tool store).</summary>
    public string InstalledLauncher { get; }

    public IReadOnlyList<BufferedCommandResult> Install { get; }

    public string Project { get; }

    public string Script => Path.Combine(Project, "precompile.jl");

    public string Output { get; }

    /// <summary>The installed julia-sysimage, as on PATH.</summary>
    public string Sysimage { get; }

    public BufferedCommandResult Build { get; }

    public Dictionary<string, string> ProjectFilesBefore { get; }

    public Dictionary<string, string> HashProjectFiles() =>
        Directory.EnumerateFiles(Project, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>A README install command with the test's paths in place of the README's.</summary>
    public string[] Guide(string[] command) => InstallGuide.Resolve(command, Tools.Home, PackagesDir, Project);

    /// <summary>The environment after the README's <c>export PATH=...</c> line.</summary>
    public Dictionary<string, string?> InstalledEnvironment(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var env = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        env.TryAdd("PATH", $"{Path.Combine(Tools.Home, ".local", "bin")}:{ToolsDir}:{System.Environment.GetEnvironmentVariable("PATH")}");
        return env;
    }

    /// <summary>Runs a dotnet command of the README with the SDK's chatter off, in the private HOME.</summary>
    public BufferedCommandResult Dotnet(IEnumerable<string> args) =>
        Tools.Run("dotnet", args, new Dictionary<string, string?>
        {
            ["DOTNET_CLI_HOME"] = null,
            ["NUGET_PACKAGES"] = null,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        });

    public void Dispose() => Tools.Dispose();

    private BufferedCommandResult RunGuide(string[] command)
    {
        var result = Dotnet(Guide(command)[1..]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed: {result.StandardOutput}{result.StandardError}");
        }

        return result;
    }

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
