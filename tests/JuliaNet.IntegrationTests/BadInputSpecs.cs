using System.Text;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// Bad input to either tool (issue 6), one table: every case is refused with one line
/// <c>tool: error: ...</c> naming the problem, its documented exit code (docs/guarantees.md), no stack
/// trace, nothing on stdout, and nothing written: julia-sysimage leaves OUTPUT as it was, writes
/// no OUTPUT.json and leaves no build directory; julia-net creates no cache depot and never
/// runs the program. Each case runs in a directory of its own, compared entry by entry before
/// and after.
/// </summary>
[Collection(ToolsCollection.Name)]
public sealed class BadInputSpecs(Tools tools)
{
    public enum Tool
    {
        Launcher,
        Sysimage,
    }

    /// <summary>
    /// One row: the tool, the exit code and message fragment it must answer with, and the
    /// arguments (set-up writes the files they name). <paramref name="Unprivileged"/>: needs file
    /// modes to apply (run as nobody under root). <paramref name="StepFails"/>: validation passes
    /// and a build step fails, which prints progress and the step's last output lines first
    /// and keeps the build directory for its log (docs/julia-sysimage.md, "What a build does", 6).
    /// </summary>
    public sealed record Case(
        Tool Tool, string Name, int ExitCode, string Message, Func<Scene, IReadOnlyList<string>> Arguments, bool Unprivileged = false, bool StepFails = false)
    {
        /// <summary>The tool and the case, as the test runner shows it.</summary>
        public string Id => (Tool == Tool.Launcher ? "julia-net" : "julia-sysimage") + ": " + Name;
    }

    private const string PreviousImage = "previous image";

    private static readonly Case[] Table =
    [
        // julia-net: the system image
        new(Tool.Launcher, "image missing", 65, "system image not found", s => ["-J", s.InPath("missing.so"), .. s.Program]),
        new(Tool.Launcher, "image is a directory", 66, "system image is a directory", s => ["-J", s.InDir, .. s.Program]),
        new(Tool.Launcher, "image unreadable", 66, "system image is not readable", s => ["-J", s.Unreadable(s.Write("sys.so", "x")), .. s.Program], Unprivileged: true),
        new(Tool.Launcher, "image empty", 66, "system image is empty", s => ["-J", s.Write("sys.so", ""), .. s.Program]),
        new(Tool.Launcher, "image is a text file", 66, "system image is not a shared library", s => ["-J", s.Write("sys.so", "not an image\n"), .. s.Program]),
        new(Tool.Launcher, "image is /bin/ls", 66, "system image is not a Julia system image (it does not define jl_system_image_data)", s => ["-J", "/bin/ls", .. s.Program]),
        new(Tool.Launcher, "image is a FIFO", 66, "system image is not a regular file", s => ["-J", s.Fifo("fifo.so"), .. s.Program]),
        new(Tool.Launcher, "image is a device", 66, "system image is not a regular file", s => ["-J", "/dev/null", .. s.Program]),
        new(Tool.Launcher, "image truncated", 66, "system image is a truncated or damaged ELF file", s => ["-J", s.TruncatedImage(), .. s.Program]),
        new(Tool.Launcher, "image metadata names another Julia version", 69, "was built by Julia 9.9.9", s => ["-J", s.ImageWithMetadata($$"""{ "julia": "{{s.Tools.Julia}}", "juliaVersion": "9.9.9" }"""), .. s.Program]),
        new(Tool.Launcher, "image metadata truncated", 84, "image metadata is not valid JSON", s => ["-J", s.ImageWithMetadata($$"""{ "julia": "{{s.Tools.Julia}}", "juliaVers"""), .. s.Program]),

        // julia-net: Julia, the cache, the command line
        new(Tool.Launcher, "julia missing", 67, "julia not found", s => ["--julia", s.InPath("julia"), .. s.Program]),
        new(Tool.Launcher, "julia not executable", 68, "julia is not executable", s => ["--julia", s.Write("julia", "#!/bin/sh\n"), .. s.Program]),
        new(Tool.Launcher, "julia prints garbage for its version", 68, "did not report a Julia version", s => ["--julia", s.FakeJuliaGarbage(), .. s.Program]),
        new(Tool.Launcher, "julia is julia-net itself", 68, "is julia-net itself", s => ["--julia", s.Tools.Launcher, .. s.Program]),
        new(Tool.Launcher, "cache directory not creatable", 70, "cannot create cache directory", s => s.CacheRootUnder(s.Write("a-file", "x"), s.Program)),
        new(Tool.Launcher, "config file does not parse", 78, "is invalid: not valid JSON", s => s.WithConfig("{ \"sysimage\": ", s.Program)),
        new(Tool.Launcher, "config file has an unknown key", 78, "unknown key \"sysImage\"", s => s.WithConfig("{ \"sysImage\": \"/a.so\" }", s.Program)),
        new(Tool.Launcher, "juliaup channel not installed", 67, "juliaup channel nope is not installed (from +nope); installed channels: 1.10, release; to install it: juliaup add nope", s => s.WithJuliaup(Scene.JuliaupJson, ["+nope", .. s.Program])),
        new(Tool.Launcher, "juliaup channel's version directory missing", 67, "is missing: ", s => s.WithJuliaup(Scene.JuliaupJson, ["+1.10", .. s.Program])),
        new(Tool.Launcher, "juliaup channel without juliaup", 67, "juliaup has no configuration at", s => s.WithJuliaup(null, ["+release", .. s.Program])),
        new(Tool.Launcher, "juliaup.json does not parse", 82, "is invalid: not valid JSON", s => s.WithJuliaup("{ \"Default\": \"release\", ", ["+release", .. s.Program])),
        new(Tool.Launcher, "juliaup.json has a channel of no kind", 82, "channel \"release\" is none of juliaup's kinds", s => s.WithJuliaup("""{ "InstalledVersions": {}, "InstalledChannels": { "release": {} } }""", ["+release", .. s.Program])),
        new(Tool.Launcher, "JULIAUP_DEPOT_PATH relative", 82, "JULIAUP_DEPOT_PATH is not an absolute path", s => s.WithEnv("JULIAUP_DEPOT_PATH", "depot", ["+release", .. s.Program])),
        new(Tool.Launcher, "+CHANNEL and --julia", 64, "+release asks for a juliaup channel, but the Julia is", s => ["--julia", s.Tools.Julia, "+release", .. s.Program]),
        new(Tool.Launcher, "two +CHANNELs", 64, "two juliaup channels: +release and +1.10", s => ["+release", "+1.10", .. s.Program]),
        new(Tool.Launcher, "wrapper over a real julia", 79, "is not a julia-net wrapper; not replacing it", s => ["--julia-net-install-wrapper", Path.GetDirectoryName(s.Write("julia", "#!/bin/sh\n"))!]),
        new(Tool.Launcher, "unknown launcher option", 64, "unknown launcher option --julia-net-bogus", s => ["--julia-net-bogus", .. s.Program]),
        new(Tool.Launcher, "help with a wrapper command", 64, "--julia-net-help does not go with --julia-net-install-wrapper", s => ["--julia-net-help", "--julia-net-install-wrapper", s.InPath("bin")]),
        new(Tool.Launcher, "info with version", 64, "--julia-net-info does not go with --julia-net-version", s => ["--julia-net-info", "--julia-net-version"]),
        new(Tool.Launcher, "--julia without value", 64, "option --julia requires a value", _ => ["--julia"]),
        new(Tool.Launcher, "--sysimage without value", 64, "option --sysimage requires a value", s => [.. s.Program, "--sysimage"]),
        new(Tool.Launcher, "-J without value", 64, "option -J requires a value", s => [.. s.Program, "-J"]),

        // julia-sysimage: OUTPUT
        new(Tool.Sysimage, "OUTPUT ends in .a", 72, "not a static archive", s => [Path.Combine(s.OutDir, "sys.a")]),
        new(Tool.Sysimage, "OUTPUT in a missing directory", 72, "the directory of OUTPUT does not exist", s => [Path.Combine(s.OutDir, "missing", "sys.so")]),
        new(Tool.Sysimage, "OUTPUT in a read-only directory", 72, "the directory of OUTPUT is not writable", s => [s.OutputInReadOnlyDirectory()], Unprivileged: true),
        new(Tool.Sysimage, "OUTPUT is a directory", 72, "OUTPUT is a directory", s => [s.OutDir]),
        new(Tool.Sysimage, "OUTPUT equal to an input", 72, "OUTPUT is also an input of the build", s => ["--precompile-statements", s.Output, s.Output]),

        // julia-sysimage: inputs and the project
        new(Tool.Sysimage, "script missing", 73, "script not found", s => ["--script", s.InPath("none.jl"), s.Output]),
        new(Tool.Sysimage, "base image missing", 73, "base image not found", s => ["--base-sysimage", s.InPath("none.so"), s.Output]),
        new(Tool.Sysimage, "base image is /bin/ls", 66, "is not a Julia system image", s => ["--base-sysimage", "/bin/ls", s.Output]),
        new(Tool.Sysimage, "package not in the project", 74, "package Nope is not in project", s => ["--package", "Nope", s.Output]),
        // A named environment from Julia 1.7, a path before (issue 30): never a response file to read.
        new(Tool.Sysimage, "--project @NAME with nothing there", 73, "@julia-net-no-such-env", s => ["--project", "@julia-net-no-such-env", s.Output]),
        new(Tool.Sysimage, "project without Project.toml", 74, "no Project.toml in project directory", s => ["--project", s.InDir, s.Output]),
        new(Tool.Sysimage, "Project.toml does not parse", 74, "Project.toml does not parse", s => ["--project", s.Project("[deps\n", null), s.Output]),
        new(Tool.Sysimage, "Manifest.toml does not parse", 74, "Manifest.toml does not parse", s => ["--project", s.Project("[deps]\n", "[[Foo]]\nuuid = \n"), s.Output]),
        new(Tool.Sysimage, "manifest entry without uuid", 74, "Manifest.toml, line 2: manifest entry Foo has no uuid", s => ["--project", s.Project("[deps]\n", "[[Foo]]\nversion = \"1.0.0\"\n"), s.Output]),
        new(Tool.Sysimage, "package not in a Julia 1.11 project (sources, inline tables, multi-line arrays)", 74, "its packages are: Lib, Printf", s => ["--package", "Nope", "--project", s.Project(Julia111Project, Julia111Manifest), s.Output]),
        new(Tool.Sysimage, "script throws", 77, "trace: julia failed with exit code 1 (log: ", s => ["--script", s.Write("throws.jl", "error(\"boom from the precompile script\")\n"), s.Output], StepFails: true),

        // julia-sysimage: the tools it needs
        new(Tool.Sysimage, "no C compiler on PATH", 75, "no C compiler found", s => s.WithoutCompiler([s.Output])),
        new(Tool.Sysimage, "launcher missing", 76, "launcher not found", s => ["--launcher", s.InPath("julia-net"), s.Output]),
        new(Tool.Sysimage, "julia missing", 67, "julia not found", s => ["--julia", s.InPath("julia"), s.Output]),
        new(Tool.Sysimage, "julia not executable", 68, "julia is not executable", s => ["--julia", s.Write("julia", "#!/bin/sh\n"), s.Output]),
        new(Tool.Sysimage, "juliaup channel not installed", 67, "juliaup channel nope is not installed (from --julia +nope)", s => s.WithJuliaup(Scene.JuliaupJson, ["--julia", "+nope", s.Output])),
        new(Tool.Sysimage, "juliaup.json does not parse", 82, "is invalid: not valid JSON", s => s.WithJuliaup("{", ["--julia", "+release", s.Output])),
        new(Tool.Sysimage, "julia prints garbage for its version", 68, "did not report a Julia version", s => ["--julia", s.FakeJuliaGarbage(), s.Output]),

        // julia-sysimage: the command line
        new(Tool.Sysimage, "unknown option", 64, "unknown option --bogus", s => ["--bogus", s.Output]),
        new(Tool.Sysimage, "OUTPUT missing and no project", 64, "no OUTPUT and no project: give OUTPUT, or --project DIR", s => s.WithoutProject([])),
        new(Tool.Sysimage, "project image's directory cannot be created", 72, "cannot create the project image's directory", s => s.CacheRootUnder(s.Write("file", "x"), [])),
        // Refused after the project image's directory was made (its build lock is in it): the directory goes again.
        new(Tool.Sysimage, "project image refused for memory", 83, "not enough memory to generate the image's code", _ => ["--memory-limit", "1M"]),
        new(Tool.Sysimage, "--project without value", 64, "Required argument missing for option: '--project'", s => [s.Output, "--project"]),
        new(Tool.Sysimage, "--cpu-target without value", 64, "Required argument missing for option: '--cpu-target'", s => [s.Output, "--cpu-target"]),
        new(Tool.Sysimage, "--julia with an empty value", 64, "option --julia requires a value", s => ["--julia", "", s.Output]),
        new(Tool.Sysimage, "--memory-limit not a size", 64, "--memory-limit must be a size such as 4G, 512M or a number of bytes, more than 0, not '4X'", s => ["--memory-limit", "4X", s.Output]),
        new(Tool.Sysimage, "--memory-limit zero", 64, "--memory-limit must be a size such as 4G, 512M or a number of bytes, more than 0, not '0'", s => ["--memory-limit", "0", s.Output]),
        new(Tool.Sysimage, "--memory-limit with an empty value", 64, "option --memory-limit requires a value", s => ["--memory-limit", "", s.Output]),

        // julia-sysimage status
        new(Tool.Sysimage, "status: image metadata truncated", 84, "image metadata is not valid JSON", s => ["status", s.ImageWithMetadata($$"""{ "julia": "{{s.Tools.Julia}}", "juliaVers""")]),
    ];

    /// <summary>A project as Julia 1.11 writes it, with what julia-sysimage's first TOML reader refused (issue 13).</summary>
    private const string Julia111Project = """
        [deps]
        Lib = "a1b2c3d4-0000-4000-8000-000000000001"
        Printf = "de0858da-6303-5e67-8744-51eddeeeb8d7"

        [sources]
        Lib = {path = "../Lib"}

        [extras]
        Test = "8dfed614-e22c-5e08-85e1-65c5234f0b40"

        [targets]
        test = [
            "Test",
        ]
        """;

    private const string Julia111Manifest = """
        julia_version = "1.11.1"
        manifest_format = "2.0"
        project_hash = "0b8a4fd5c8d3c0f3b2fd4f6de4c65b0a7a19f1c4"

        [[deps.Lib]]
        deps = ["Printf"]
        path = "../Lib"
        uuid = "a1b2c3d4-0000-4000-8000-000000000001"
        version = "0.2.0"

        [[deps.Printf]]
        deps = ["Unicode"]
        uuid = "de0858da-6303-5e67-8744-51eddeeeb8d7"
        version = "1.11.0"

        [[deps.Unicode]]
        uuid = "4ec0a83e-493e-50e2-b9ac-8f72acf5a8f5"
        version = "1.11.0"
        """;

    public static TheoryData<string> Cases => [.. Table.Where(c => !c.Unprivileged).Select(c => c.Id)];

    public static TheoryData<string> CasesNeedingFileModes => [.. Table.Where(c => c.Unprivileged).Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInput_OfEachKind_IsRefusedWithOneLineAndItsExitCodeAndNothingWritten(string name) => Check(Table.Single(c => c.Id == name));

    [UnprivilegedTheory]
    [MemberData(nameof(CasesNeedingFileModes))]
    public void BadInput_NeedingFileModes_IsRefusedWithOneLineAndItsExitCodeAndNothingWritten(string name) => Check(Table.Single(c => c.Id == name));

    private void Check(Case row)
    {
        using var scene = new Scene(tools, row.Tool);
        var args = row.Arguments(scene);
        var before = Snapshot(scene.Dir);
        var (program, argv) = (row.Tool == Tool.Launcher ? tools.Launcher : tools.Sysimage, args);
        if (row.Unprivileged)
        {
            (program, argv) = Unprivileged.Wrap(program, args);
        }

        var result = tools.Run(program, argv, scene.Env, cwd: scene.Dir);

        var stderr = result.StandardError;
        Assert.True(result.ExitCode == row.ExitCode, $"exit code {result.ExitCode}, expected {row.ExitCode}; stderr:\n{stderr}");
        Assert.Equal("", result.StandardOutput);
        var prefix = row.Tool == Tool.Launcher ? "julia-net: error: " : "julia-sysimage: error: ";
        var lines = stderr.TrimEnd('\n').Split('\n');
        var error = lines[^1];
        Assert.StartsWith(prefix, error, StringComparison.Ordinal);
        Assert.Contains(row.Message, error, StringComparison.Ordinal);
        if (row.StepFails)
        {
            // A failed step prints progress and the last lines of the step's output ("  | "),
            // then the one error line, last. Only Julia's lines may hold a (Julia) backtrace.
            Assert.All(lines[..^1], l => Assert.Matches(@"^(  \| |\[\d/\d\] |julia-sysimage: building |  packages: )", l));
            Assert.Single(lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("  | ", StringComparison.Ordinal) && l.Contains("boom from the precompile script", StringComparison.Ordinal));
        }
        else
        {
            Assert.Single(lines);
        }

        Assert.DoesNotContain(lines, l => !l.StartsWith("  | ", StringComparison.Ordinal) && (l.Contains("   at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)));
        AssertNothingWritten(row, scene, before, Snapshot(scene.Dir), error);
    }

    private static void AssertNothingWritten(Case row, Scene scene, SortedDictionary<string, string> before, SortedDictionary<string, string> after, string error)
    {
        var cache = Path.GetRelativePath(scene.Dir, scene.CacheRoot);
        var keptBuildDir = row.StepFails ? KeptBuildDirectory(scene, error) : null;
        bool Within(string path, string dir) => path == dir || path.StartsWith(dir + "/", StringComparison.Ordinal);
        // What the tools learned of a Julia binary (cache root/julia-info, shared by both) may be
        // cached once Julia ran; nothing else may appear.
        bool Allowed(string path) =>
            path == cache || Within(path, Path.Combine(cache, "julia-info")) ||
            (keptBuildDir is not null && Within(path, keptBuildDir));
        var added = after.Keys.Except(before.Keys).Where(p => !Allowed(p)).ToArray();
        var removed = before.Keys.Except(after.Keys).ToArray();
        var changed = before.Keys.Intersect(after.Keys).Where(p => before[p] != after[p]).ToArray();
        Assert.Empty(added);
        Assert.Empty(removed);
        Assert.Empty(changed);
        if (row.Tool == Tool.Sysimage)
        {
            Assert.Equal(PreviousImage, File.ReadAllText(scene.Output));
            Assert.False(File.Exists(scene.Output + ".json"), "no OUTPUT.json");
            Assert.Equal(
                keptBuildDir is null ? [] : [Path.GetFileName(keptBuildDir)],
                Directory.GetDirectories(scene.OutDir, ".julia-sysimage-*").Select(Path.GetFileName));
        }
        else
        {
            Assert.False(Directory.Exists(Path.Combine(scene.CacheRoot, "depots")), "no cache depot");
            Assert.False(File.Exists(scene.Marker), "the program must not have run");
        }
    }

    /// <summary>The build directory a failed step keeps for its log: the one the error line names.</summary>
    private static string KeptBuildDirectory(Scene scene, string error)
    {
        var log = error[(error.IndexOf("(log: ", StringComparison.Ordinal) + "(log: ".Length)..].TrimEnd(')');
        Assert.Equal("build.log", Path.GetFileName(log));
        Assert.True(File.Exists(log), $"the log {log} is kept");
        var dir = Path.GetDirectoryName(log)!;
        Assert.Equal(scene.OutDir, Path.GetDirectoryName(dir));
        Assert.StartsWith(".julia-sysimage-sys.so-", Path.GetFileName(dir), StringComparison.Ordinal);
        return Path.GetRelativePath(scene.Dir, dir);
    }

    /// <summary>Every entry under a directory: its kind, mode, size and time (a symlink: its target).</summary>
    private static SortedDictionary<string, string> Snapshot(string root)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var info in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            entries[Path.GetRelativePath(root, info.FullName)] = info switch
            {
                { LinkTarget: { } target } => "link " + target,
                FileInfo file => $"file {file.UnixFileMode} {file.Length} {file.LastWriteTimeUtc.Ticks}",
                _ => $"directory {info.UnixFileMode}",
            };
        }

        return entries;
    }

    /// <summary>
    /// A case's own directory outside the test run's private root (nobody must reach it):
    /// <c>in/</c> for inputs, <c>out/sys.so</c> holding <see cref="PreviousImage"/>, and the
    /// environment the tool gets (julia-net's cache root inside it; for julia-sysimage a valid
    /// empty project in JULIA_PROJECT, so that no Project.toml above the directory counts).
    /// </summary>
    public sealed class Scene : IDisposable
    {
        public Scene(Tools tools, Tool tool)
        {
            Tools = tools;
            Dir = Directory.CreateTempSubdirectory("julia-net-bad-input-").FullName;
            File.SetUnixFileMode(Dir, (UnixFileMode)Convert.ToInt32("755", 8));
            InDir = Directory.CreateDirectory(Path.Combine(Dir, "in")).FullName;
            OutDir = Directory.CreateDirectory(Path.Combine(Dir, "out")).FullName;
            Output = Path.Combine(OutDir, "sys.so");
            File.WriteAllText(Output, PreviousImage);
            CacheRoot = Path.Combine(Dir, "cache");
            Marker = Path.Combine(Dir, "julia-ran");
            Env["JULIA_NET_CACHE_DIR"] = CacheRoot;
            if (tool == Tool.Sysimage)
            {
                Env["JULIA_PROJECT"] = Project("name = \"BadInput\"\nuuid = \"3c0d5e7e-2f4b-4b57-9f1e-6f3c8d1b5a11\"\n\n[deps]\n", null);
            }
        }

        public Tools Tools { get; }

        public string Dir { get; }

        public string InDir { get; }

        public string OutDir { get; }

        public string Output { get; }

        public string CacheRoot { get; private set; }

        /// <summary>The file the program julia-net is given would create, had Julia run it.</summary>
        public string Marker { get; }

        public Dictionary<string, string?> Env { get; } = [];

        public string[] Program => ["-e", $"touch(\"{Marker}\")"];

        public string InPath(string name) => Path.Combine(InDir, name);

        public string Write(string name, string content)
        {
            File.WriteAllText(InPath(name), content);
            return InPath(name);
        }

        /// <summary>A project directory under in/ with these files (no Manifest.toml when null).</summary>
        public string Project(string projectToml, string? manifestToml)
        {
            var dir = Directory.CreateDirectory(Path.Combine(InDir, "project-" + Guid.NewGuid().ToString("N")[..6])).FullName;
            File.WriteAllText(Path.Combine(dir, "Project.toml"), projectToml);
            if (manifestToml is not null)
            {
                File.WriteAllText(Path.Combine(dir, "Manifest.toml"), manifestToml);
            }

            return dir;
        }

        /// <summary>A shell script posing as Julia: it runs, exits 0 and prints no version.</summary>
        public string FakeJuliaGarbage()
        {
            var path = Write("fake-julia-garbage", "#!/bin/sh\necho 'garbage: v?.?'\n");
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
            return path;
        }

        /// <summary>A link to Julia's default image, with this text as its metadata (<c>sys.so.json</c>).</summary>
        public string ImageWithMetadata(string json)
        {
            var image = InPath("sys.so");
            File.CreateSymbolicLink(image, Tools.DefaultImage);
            File.WriteAllText(image + ".json", json);
            return image;
        }

        /// <summary>The first megabyte of Julia's default image: an ELF shared object cut short (its section headers are at the end).</summary>
        public string TruncatedImage()
        {
            using var source = File.OpenRead(Tools.DefaultImage);
            var head = new byte[1 << 20];
            source.ReadExactly(head);
            File.WriteAllBytes(InPath("sys.so"), head);
            return InPath("sys.so");
        }

        public string Unreadable(string path)
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
            return path;
        }

        /// <summary>OUTPUT, its directory made read-only (0555).</summary>
        public string OutputInReadOnlyDirectory()
        {
            File.SetUnixFileMode(OutDir, (UnixFileMode)Convert.ToInt32("555", 8));
            return Output;
        }

        /// <summary>The cache root below a regular file: julia-net cannot create it.</summary>
        public IReadOnlyList<string> CacheRootUnder(string file, IReadOnlyList<string> args)
        {
            CacheRoot = Path.Combine(file, "cache");
            Env["JULIA_NET_CACHE_DIR"] = CacheRoot;
            return args;
        }

        /// <summary>No JULIA_PROJECT, and no project file from the case's directory upwards.</summary>
        public IReadOnlyList<string> WithoutProject(IReadOnlyList<string> args)
        {
            Env["JULIA_PROJECT"] = null;
            return args;
        }

        /// <summary>A named pipe: neither a file nor a directory.</summary>
        public string Fifo(string name)
        {
            var result = Tools.Run("mkfifo", [InPath(name)]);
            Assert.Equal(0, result.ExitCode);
            return InPath(name);
        }

        /// <summary>A user config file with this text (in a config directory of this case's own).</summary>
        public IReadOnlyList<string> WithConfig(string json, IReadOnlyList<string> args)
        {
            var configHome = Path.Combine(Dir, "config");
            Directory.CreateDirectory(Path.Combine(configHome, "julia-net"));
            File.WriteAllText(Path.Combine(configHome, "julia-net", "config.json"), json);
            Env["XDG_CONFIG_HOME"] = configHome;
            return args;
        }

        /// <summary>juliaup.json with channel release (its version installed: bin/julia links to the real julia) and 1.10 (its directory missing).</summary>
        public const string JuliaupJson = """
            {
              "Default": "release",
              "InstalledVersions": {
                "1.5.3+0.x64.linux.gnu": { "Path": "./julia-1.5.3+0.x64.linux.gnu" },
                "1.10.4+0.x64.linux.gnu": { "Path": "./julia-1.10.4+0.x64.linux.gnu" }
              },
              "InstalledChannels": {
                "release": { "Version": "1.5.3+0.x64.linux.gnu" },
                "1.10": { "Version": "1.10.4+0.x64.linux.gnu" }
              },
              "Settings": {},
              "Overrides": []
            }
            """;

        /// <summary>A juliaup depot of this case's own (JULIAUP_DEPOT_PATH) holding this juliaup.json (none when null).</summary>
        public IReadOnlyList<string> WithJuliaup(string? json, IReadOnlyList<string> args)
        {
            var depot = Path.Combine(Dir, "juliaup-depot");
            var juliaup = Directory.CreateDirectory(Path.Combine(depot, "juliaup")).FullName;
            var bin = Directory.CreateDirectory(Path.Combine(juliaup, "julia-1.5.3+0.x64.linux.gnu", "bin")).FullName;
            File.CreateSymbolicLink(Path.Combine(bin, "julia"), Tools.Julia);
            if (json is not null)
            {
                File.WriteAllText(Path.Combine(juliaup, "juliaup.json"), json);
            }

            return WithEnv("JULIAUP_DEPOT_PATH", depot, args);
        }

        public IReadOnlyList<string> WithEnv(string name, string value, IReadOnlyList<string> args)
        {
            Env[name] = value;
            return args;
        }

        /// <summary>PATH without any C compiler, and no JULIA_CC.</summary>
        public IReadOnlyList<string> WithoutCompiler(IReadOnlyList<string> args)
        {
            Env["PATH"] = InDir;
            Env["JULIA_CC"] = null;
            return args;
        }

        public void Dispose()
        {
            foreach (var dir in Directory.EnumerateDirectories(Dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Prepend(Dir))
            {
                File.SetUnixFileMode(dir, (UnixFileMode)Convert.ToInt32("755", 8));
            }

            Directory.Delete(Dir, recursive: true);
        }
    }
}
