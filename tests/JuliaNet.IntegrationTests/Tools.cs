using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>Finds the published binaries and runs them (or julia) with a controlled environment.</summary>
public sealed class Tools : IDisposable
{
    public Tools()
    {
        BinDir = System.Environment.GetEnvironmentVariable("JULIA_NET_BIN_DIR") is { Length: > 0 } dir ? dir : Path.Combine(RepoRoot(), "artifacts", "bin");
        Launcher = Path.Combine(BinDir, "julia-net");
        Sysimage = Path.Combine(BinDir, "julia-sysimage");
        if (!File.Exists(Launcher))
        {
            throw new InvalidOperationException($"{Launcher} not found: run the Publish target of build.cake first");
        }

        Root = Directory.CreateTempSubdirectory("julia-net-tests-").FullName;
        Home = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName;
        CacheRoot = Path.Combine(Root, "cache");
        Julia = Which("julia") ?? throw new InvalidOperationException($"julia not on PATH: run tools/install-julia.sh, or set {JuliaUnderTest.Variable}");
        var probe = RunJulia(["--startup-file=no", "-e", "print(VERSION, '\\n', unsafe_string(Base.JLOptions().image_file))"]).StandardOutput.Split('\n', 2);
        (JuliaVersion, DefaultImage) = (probe[0], probe[1]);
    }

    public string BinDir { get; }

    public string Launcher { get; }

    public string Sysimage { get; }

    public string Root { get; }

    public string Home { get; }

    public string CacheRoot { get; }

    public string Julia { get; }

    public string DefaultImage { get; }

    /// <summary>The version of the Julia under test (<see cref="JuliaUnderTest"/>), as it prints <c>VERSION</c>.</summary>
    public string JuliaVersion { get; }

    /// <summary><c>-C native</c> as this Julia's <c>Base.julia_cmd()</c> spells it.</summary>
    public string CpuNative => JuliaUnderTest.CpuFlag(JuliaVersion);

    /// <summary>Whether a package of this name is loaded at startup in the Julia under test's own image.</summary>
    public bool InDefaultImage(string name) => defaultImageModules.Value.Contains(name);

    private Lazy<HashSet<string>> defaultImageModules => field ??= new Lazy<HashSet<string>>(() =>
        [.. RunJulia(["--startup-file=no", "-e", "foreach(k -> println(k.name), keys(Base.loaded_modules))"]).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)]);

    /// <summary>
    /// A Julia expression: <c>Base.julia_cmd()</c>'s words up to its <c>-J</c> flag, joined by
    /// spaces (program, CPU target as this version spells it, image).
    /// </summary>
    public const string JuliaCmdHead = "(c -> join(c.exec[1:findfirst(a -> startswith(a, \"-J\"), c.exec)], ' '))(Base.julia_cmd())";

    /// <summary>
    /// A second path of Julia's default image, as a hard link (or copy): Julia resolves
    /// symlinks in <c>-J</c>, so a symlink would not show up as another image.
    /// </summary>
    public string ImageAtAnotherPath => imageCopy.Value;

    private Lazy<string> imageCopy => field ??= new Lazy<string>(() =>
    {
        var copy = Path.Combine(Directory.CreateDirectory(Path.Combine(Root, "image-copy")).FullName, "sys.so");
        if (Run("ln", [DefaultImage, copy]).ExitCode != 0)
        {
            File.Copy(DefaultImage, copy);
        }

        return copy;
    });

    public string FixturesDir => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Time enough for an image build on a loaded 2-core machine (about 2 minutes alone).</summary>
    public static readonly TimeSpan ImageBuildTime = TimeSpan.FromMinutes(15);

    /// <summary>Runs julia-sysimage (this run's published one) with time enough for a build.</summary>
    public BufferedCommandResult BuildImage(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, string? cwd = null) =>
        Run(Sysimage, args, env, cwd: cwd, timeLimit: ImageBuildTime);

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build.cake")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (with build.cake) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// A copy of this run's julia-net, with the native libraries published beside it, in a
    /// fresh directory: another launcher path, which a test may also take away.
    /// </summary>
    public string CopyLauncher(string name)
    {
        var dir = NewDir(name);
        foreach (var file in Directory.GetFiles(BinDir).Where(f => f == Launcher || IsNativeLibrary(f)))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        return Path.Combine(dir, Path.GetFileName(Launcher));
    }

    private static bool IsNativeLibrary(string file) =>
        Path.GetExtension(file) is ".so" or ".dylib" or ".dll";

    /// <summary>A fresh directory under this run's temporary root.</summary>
    public string NewDir(string name) => Directory.CreateDirectory(Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>
    /// The environment tests start from: the real one less anything that would change what
    /// Julia or julia-net do, with a private HOME and cache root.
    /// </summary>
    public Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["HOME"] = Home,
            ["JULIA_NET_CACHE_DIR"] = CacheRoot,
            ["JULIA_DEPOT_PATH"] = null,
            ["JULIA_LOAD_PATH"] = null,
            ["JULIA_PROJECT"] = null,
            ["JULIA_DEBUG"] = null,
            ["JULIA_NET_JULIA"] = null,
            ["JULIA_NET_SYSIMAGE"] = null,
            ["JULIA_NET_LAUNCHER"] = null,
            ["JULIA_NET_USER_DEPOT"] = null,
            ["XDG_CACHE_HOME"] = null,
            ["JULIAUP_CHANNEL"] = null,
            ["JULIAUP_DEPOT_PATH"] = null,
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        return env;
    }

    public BufferedCommandResult RunLauncher(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, string? stdin = null, string? cwd = null) =>
        Run(Launcher, args, env, stdin, cwd);

    public BufferedCommandResult RunJulia(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, string? cwd = null) =>
        Run(Julia, args, env, null, cwd);

    public BufferedCommandResult Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, string? stdin = null, string? cwd = null, TimeSpan? timeLimit = null)
    {
        using var timeout = new CancellationTokenSource(timeLimit ?? TimeSpan.FromMinutes(5));
        return Command(program, args, env, stdin, cwd).ExecuteBufferedAsync(Encoding.UTF8, timeout.Token).GetAwaiter().GetResult();
    }

    public Command Command(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, string? stdin = null, string? cwd = null) =>
        Cli.Wrap(program)
            .WithArguments(args)
            .WithEnvironmentVariables(Environment(env))
            .WithWorkingDirectory(cwd ?? Root)
            .WithStandardInputPipe(stdin is null ? PipeSource.Null : PipeSource.FromString(stdin))
            .WithValidation(CommandResultValidation.None);

    public static string? Which(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ToolsCollection : ICollectionFixture<Tools>
{
    public const string Name = "real binaries";
}
