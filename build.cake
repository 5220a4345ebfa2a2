// JuliaNet build: dotnet tool restore && dotnet cake --target=<Target>
//   Clean, Restore, Build, InstallJulia, InstallTestTools, Publish (Native AOT into artifacts/bin),
//   Pack (tool packages into artifacts/packages), Demo, Bench (the benchmark suite; --quick
//   for a trial run, --launcher-only for the launcher alone, --cluster-only for the SLURM
//   cluster figure alone), Test (default).
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var rid = Argument("rid", "linux-x64");

var artifacts = MakeAbsolute(Directory("./artifacts"));
var binDir = artifacts.Combine("bin");
var testResults = artifacts.Combine("test-results");
var packagesDir = artifacts.Combine("packages");
// A later version of julia-net, for the test that updates an installed tool under an image.
var updatePackagesDir = artifacts.Combine("test-update-packages");
const string UpdateTestVersion = "99.0.0-update-test";
var solution = File("./JuliaNet.slnx");
// The executables and the project that builds each; every one is published into artifacts/bin.
var executables = new[]
{
    "./src/JuliaNet.Launcher/JuliaNet.Launcher.csproj",
    "./src/JuliaNet.Sysimage/JuliaNet.Sysimage.csproj",
};

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
});

Task("Restore")
    .Does(() =>
{
    DotNetRestore(solution);
});

Task("Build")
    .IsDependentOn("Restore")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true });
});

Task("InstallJulia")
    .Description("Installs Julia 1.5.3 with the libunwind fix when no working julia is on PATH.")
    .Does(() =>
{
    var exit = StartProcess("bash", new ProcessSettings { Arguments = new ProcessArgumentBuilder().Append("tools/install-julia.sh") });
    if (exit != 0)
    {
        throw new CakeException(exit, "tools/install-julia.sh failed");
    }
});

Task("InstallTestTools")
    .Description("Installs what the integration tests and the benchmark use besides Julia (sshd, GNU time, strace, hyperfine) when missing.")
    .Does(() =>
{
    var exit = StartProcess("bash", new ProcessSettings { Arguments = new ProcessArgumentBuilder().Append("tools/install-test-tools.sh") });
    if (exit != 0)
    {
        throw new CakeException(exit, "tools/install-test-tools.sh failed");
    }
});

Task("Publish")
    .Description("Native AOT executables (and the native libraries they load) into artifacts/bin.")
    .Does(() =>
{
    foreach (var project in executables)
    {
        DotNetPublish(project, new DotNetPublishSettings
        {
            Configuration = configuration,
            Runtime = rid,
            OutputDirectory = binDir,
        });
    }

    DeleteFiles(GetFiles(binDir.FullPath + "/*.pdb"));
});

Task("Pack")
    .Description("The tool packages julia-net and julia-sysimage (pointer + per-RID Native AOT) into artifacts/packages.")
    .Does(() =>
{
    CleanDirectory(packagesDir);
    foreach (var project in executables)
    {
        PackTool(project, packagesDir, version: null);
    }
});

Task("PackUpdateForTests")
    .Description("julia-net at a later version, for the integration test of `dotnet tool update`.")
    .Does(() =>
{
    CleanDirectory(updatePackagesDir);
    PackTool(executables[0], updatePackagesDir, UpdateTestVersion);
});

// The pointer package (lists the runtime packages) and the package of this machine's RID.
void PackTool(string project, DirectoryPath output, string version)
{
    var settings = new DotNetPackSettings { Configuration = configuration, OutputDirectory = output };
    if (version != null)
    {
        settings.MSBuildSettings = new DotNetMSBuildSettings().WithProperty("Version", version);
    }

    DotNetPack(project, settings);
    // A stale publish directory would be packed as it is (old files included).
    CleanDirectory(File(project).Path.GetDirectory().Combine($"bin/{configuration}/net10.0/{rid}/publish"));
    settings.Runtime = rid;
    DotNetPack(project, settings);
}

Task("UnitTest")
    .IsDependentOn("Build")
    .Does(() =>
{
    foreach (var (project, name) in new[] { ("JuliaNet.Core.Tests", "core"), ("JuliaNet.Bench.Tests", "bench") })
    {
        DotNetTest($"./tests/{project}/{project}.csproj", new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            Loggers = { "console;verbosity=normal", $"trx;LogFileName={name}.trx" },
            ResultsDirectory = testResults,
        });
    }
});

Task("IntegrationTest")
    .IsDependentOn("Build")
    .IsDependentOn("InstallJulia")
    .IsDependentOn("InstallTestTools")
    .IsDependentOn("Publish")
    .IsDependentOn("PackUpdateForTests")
    .IsDependentOn("Pack")
    .Does(() =>
{
    var julias = TestJulias();
    // Two Julias' suites at once unless --one-julia-at-a-time: 1.5.3's image builds use one
    // core of two, so together they take about as long as the longer one (docs/contributing.md).
    var atOnce = julias.Count > 1 && !HasArgument("one-julia-at-a-time");
    // CI ends at 90 minutes and prints nothing of a suite that has not ended: the suites are
    // ended first, so that the log still says how far each got.
    var limit = TimeSpan.FromMinutes(Argument("suite-minutes", 80));
    Information(atOnce ? $"The {julias.Count} suites run at the same time, each logging to {testResults}/integration*.log" : "One suite at a time");
    Information($"Limits: {limit.TotalMinutes:0} minutes for the suites (--suite-minutes), {HangMinutes} minutes for one spec (dotnet test --blame-hang-timeout); progress every {ProgressMinutes} minutes");
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var runs = new List<SuiteRun>();
    foreach (var (julia, i) in julias.Select((j, i) => (j, i)))
    {
        var log = testResults.CombineWithFilePath($"integration{Suffix(i)}.log").FullPath;
        var run = StartIntegrationTests(julia, i, log, echo: !atOnce);
        runs.Add(run);
        if (!atOnce)
        {
            WaitForSuites(new[] { run }, watch, limit);
        }
    }

    WaitForSuites(runs, watch, limit);
    if (atOnce)
    {
        foreach (var run in runs)
        {
            Information($"===== {run.Julia}: {run.Log}");
            Information("{0}", System.IO.File.ReadAllText(run.Log)); // "{0}": a log is text, not a format
        }
    }

    // Last, where a CI log's tail shows it: each suite's result and every failed spec's message.
    foreach (var run in runs)
    {
        foreach (var line in FailureLines(run.Log))
        {
            Error("{0}", line);
        }

        var (code, took) = run.Exit.Result;
        var verdict = run.Ended ? $"ENDED at the {limit.TotalMinutes:0}-minute limit ({run.Progress()})" : code == 0 ? "passed" : $"FAILED (exit {code})";
        Information($"Integration tests on {run.Julia}: {verdict} in {took:h\\:mm\\:ss}");
    }

    Information($"Integration tests: {watch.Elapsed:h\\:mm\\:ss} in all");
    var failed = runs.Where(r => r.Ended || r.Exit.Result.Code != 0).Select(r => r.Julia).ToList();
    if (failed.Count > 0)
    {
        throw new CakeException($"integration tests failed on {string.Join(", ", failed)}");
    }
});

// One spec that runs longer than this is taken as hung: dotnet test ends its test host and names it.
// The longest specs (a background rebuild killed during two of its steps, launches under rebuilds) take 5 to 9 minutes.
const int HangMinutes = 30;

// How often, while the suites run, a line says how far each has got.
const int ProgressMinutes = 5;

// Waits for RUNS, saying every few minutes how far each has got; past LIMIT (since WATCH started),
// ends those still running (their whole process trees), and waits for them to end.
void WaitForSuites(IReadOnlyList<SuiteRun> runs, System.Diagnostics.Stopwatch watch, TimeSpan limit)
{
    var exits = runs.Select(r => (System.Threading.Tasks.Task)r.Exit).ToArray();
    while (true)
    {
        var left = limit - watch.Elapsed;
        var wait = left < TimeSpan.FromMinutes(ProgressMinutes) ? left : TimeSpan.FromMinutes(ProgressMinutes);
        if (wait > TimeSpan.Zero && System.Threading.Tasks.Task.WaitAll(exits, wait))
        {
            return;
        }

        foreach (var run in runs.Where(r => !r.Exit.IsCompleted))
        {
            Information($"[{watch.Elapsed:h\\:mm\\:ss}] {run.Julia}: {run.Progress()}");
        }

        if (watch.Elapsed >= limit)
        {
            foreach (var run in runs.Where(r => !r.Exit.IsCompleted))
            {
                Warning($"Integration tests on {run.Julia}: still running after {limit.TotalMinutes:0} minutes, ending them");
                run.End();
            }

            System.Threading.Tasks.Task.WaitAll(exits, TimeSpan.FromMinutes(3));
            return;
        }
    }
}

string Suffix(int i) => i == 0 ? "" : "-" + i;

// A failed spec's lines in a `dotnet test` console log: its "Failed" line and its message.
IEnumerable<string> FailureLines(string log)
{
    var lines = System.IO.File.ReadAllLines(log);
    for (var i = 0; i < lines.Length; i++)
    {
        if (lines[i].StartsWith("  Failed ", StringComparison.Ordinal))
        {
            foreach (var line in lines.Skip(i).Take(6).TakeWhile(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal) && !l.TrimStart().StartsWith("Stack Trace", StringComparison.Ordinal)))
            {
                yield return line;
            }
        }
    }
}

// The Julias the integration suite runs on, each the absolute path of a bin/julia, in order.
// JULIA_NET_TEST_JULIA, a `:`-separated list, when set and not empty. Otherwise the julia on
// PATH (1.5.3 from the registries, installed by InstallJulia) and, when the machine holds Julias
// built from source as /opt/julia-X.Y.Z/bin/julia, the newest of them that starts: CI runs on
// both. Says which it found and which it could not.
List<string> TestJulias()
{
    var given = (EnvironmentVariable("JULIA_NET_TEST_JULIA") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
    if (given.Length > 0)
    {
        Information($"Julias under test (JULIA_NET_TEST_JULIA): {string.Join(", ", given)}");
        return given.ToList();
    }

    var julias = new List<string> { ResolveOnPath("julia") };
    var modern = System.IO.Directory.Exists("/opt")
        ? System.IO.Directory.GetDirectories("/opt", "julia-*")
            .Select(dir => (dir, version: Version.TryParse(System.IO.Path.GetFileName(dir)["julia-".Length..], out var v) ? v : null))
            .Where(d => d.version != null && d.version >= new Version(1, 6))
            .OrderByDescending(d => d.version)
            .Select(d => System.IO.Path.Combine(d.dir, "bin", "julia"))
            .ToList()
        : new List<string>();
    var newest = modern.FirstOrDefault(Starts);
    foreach (var broken in modern.TakeWhile(j => j != newest))
    {
        Warning($"{broken} does not start (`julia --version` failed): not tested");
    }

    if (newest == null)
    {
        Warning("No Julia built from source on this machine (looked for /opt/julia-X.Y.Z/bin/julia, 1.6 or later): the suite runs on the julia on PATH only");
    }
    else
    {
        julias.Add(newest);
    }

    Information($"Julias under test: {string.Join(", ", julias)}");
    return julias;
}

bool Starts(string julia) =>
    System.IO.File.Exists(julia) &&
    StartProcess(julia, new ProcessSettings { Arguments = "--startup-file=no --version", RedirectStandardOutput = true }) == 0;

string ResolveOnPath(string name) =>
    (EnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, name))
        .FirstOrDefault(System.IO.File.Exists)
    ?? throw new CakeException($"no {name} on PATH");

// One Julia's integration suite as it runs: its `dotnet test` process, its log, how far it has got
// (the specs that have ended, counted from its console lines) and its exit code with its time.
class SuiteRun
{
    private readonly object gate = new object();
    private int passed, failed, skipped;
    private readonly System.Diagnostics.Process process;
    private string last = "none yet";

    public SuiteRun(string julia, string log, System.Diagnostics.Process process)
    {
        Julia = julia;
        Log = log;
        this.process = process;
    }

    public string Julia { get; }

    public string Log { get; }

    public System.Threading.Tasks.Task<(int Code, TimeSpan Took)> Exit { get; set; }

    /// <summary>Ended by the suites' time limit, not by itself.</summary>
    public bool Ended { get; private set; }

    /// <summary>Counts a console line of `dotnet test` that says a spec has ended.</summary>
    public void Count(string line)
    {
        var outcome = line.StartsWith("  Passed ", StringComparison.Ordinal) ? 0 : line.StartsWith("  Failed ", StringComparison.Ordinal) ? 1 : line.StartsWith("  Skipped ", StringComparison.Ordinal) ? 2 : -1;
        if (outcome < 0)
        {
            return;
        }

        lock (gate)
        {
            _ = outcome == 0 ? passed++ : outcome == 1 ? failed++ : skipped++;
            last = line.Trim();
        }
    }

    public string Progress()
    {
        lock (gate)
        {
            return $"{passed} passed, {failed} failed, {skipped} skipped so far; the last to end: {last}";
        }
    }

    /// <summary>Ends the suite and every process under it.</summary>
    public void End()
    {
        Ended = true;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it ended on its own meanwhile
        }
    }
}

// One Julia's integration suite: `dotnet test` with the run's binaries and that Julia, its
// console output written to LOG (and, with ECHO, to this console as it comes).
SuiteRun StartIntegrationTests(string julia, int i, string log, bool echo)
{
    EnsureDirectoryExists(testResults);
    var start = new System.Diagnostics.ProcessStartInfo("dotnet")
    {
        UseShellExecute = false,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    var args = new List<string>
    {
        "test", MakeAbsolute(File("./tests/JuliaNet.IntegrationTests/JuliaNet.IntegrationTests.csproj")).FullPath,
        "--configuration", configuration, "--no-build",
        "--logger", "console;verbosity=normal",
        "--logger", $"trx;LogFileName=integration{Suffix(i)}.trx",
        "--results-directory", testResults.FullPath,
        // a hung spec ends its suite with its name, instead of running into CI's limit unseen
        "--blame-hang-timeout", $"{HangMinutes}m", "--blame-hang-dump-type", "none",
    };
    if (HasArgument("filter"))
    {
        args.AddRange(new[] { "--filter", Argument<string>("filter") }); // e.g. --filter=CacheKeySpecs
    }

    foreach (var arg in args)
    {
        start.ArgumentList.Add(arg);
    }

    start.Environment["JULIA_NET_BIN_DIR"] = binDir.FullPath;
    start.Environment["JULIA_NET_PACKAGES_DIR"] = packagesDir.FullPath;
    start.Environment["JULIA_NET_UPDATE_PACKAGES_DIR"] = updatePackagesDir.FullPath;
    start.Environment["JULIA_NET_UPDATE_VERSION"] = UpdateTestVersion;
    start.Environment["JULIA_NET_TEST_JULIA"] = julia;
    // 0 for the first Julia: specs of julia-sysimage's own behaviour run there only (FirstJulia.cs)
    start.Environment["JULIA_NET_TEST_ROUND"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    Information($"Integration tests on {julia} (log: {log})");
    var writer = new System.IO.StreamWriter(log) { AutoFlush = true };
    var closed = false;
    var process = new System.Diagnostics.Process { StartInfo = start, EnableRaisingEvents = true };
    var run = new SuiteRun(julia, log, process);
    void Line(string line)
    {
        run.Count(line);
        lock (writer)
        {
            if (closed)
            {
                return;
            }

            writer.WriteLine(line);
            if (echo)
            {
                Console.WriteLine(line);
            }
        }
    }

    var exited = new System.Threading.Tasks.TaskCompletionSource();
    var outputEnded = new System.Threading.Tasks.TaskCompletionSource();
    var errorEnded = new System.Threading.Tasks.TaskCompletionSource();
    process.Exited += (_, _) => exited.TrySetResult();
    process.OutputDataReceived += (_, e) => { if (e.Data == null) outputEnded.TrySetResult(); else Line(e.Data); };
    process.ErrorDataReceived += (_, e) => { if (e.Data == null) errorEnded.TrySetResult(); else Line(e.Data); };
    var took = System.Diagnostics.Stopwatch.StartNew();
    process.Start();
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    run.Exit = System.Threading.Tasks.Task.Run(async () =>
    {
        await exited.Task;
        var elapsed = took.Elapsed;
        // The output ends with dotnet test unless a process it left behind still holds it: a
        // minute at most, never CI's whole time.
        var output = System.Threading.Tasks.Task.WhenAll(outputEnded.Task, errorEnded.Task);
        if (await System.Threading.Tasks.Task.WhenAny(output, System.Threading.Tasks.Task.Delay(TimeSpan.FromMinutes(1))) != output)
        {
            Line("build.cake: dotnet test has ended but a process it started still holds its output; not waiting for it");
        }

        lock (writer)
        {
            closed = true;
            writer.Dispose();
        }

        return (process.ExitCode, elapsed);
    });
    return run;
}

Task("Demo")
    .Description("The main job: build an image for examples/hello and run its script with and without it.")
    .IsDependentOn("InstallJulia")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var example = MakeAbsolute(Directory("./examples/hello"));
    var image = artifacts.Combine("demo").CombineWithFilePath("hello.so");
    EnsureDirectoryExists(image.GetDirectory());
    Run(binDir.CombineWithFilePath("julia-sysimage").FullPath, example, "--script", "precompile.jl", image.FullPath);
    var watch = System.Diagnostics.Stopwatch.StartNew();
    Run("julia", example, "--project=.", "run.jl");
    Information($"without the image: {watch.Elapsed.TotalSeconds:0.00} s for the whole run");
    watch.Restart();
    Run(binDir.CombineWithFilePath("julia-net").FullPath, example, "--sysimage", image.FullPath, "--project=.", "run.jl");
    Information($"with the image:    {watch.Elapsed.TotalSeconds:0.00} s for the whole run");
});

void Run(string program, DirectoryPath workingDirectory, params string[] args)
{
    var builder = new ProcessArgumentBuilder();
    foreach (var arg in args)
    {
        builder.AppendQuoted(arg);
    }

    var exit = StartProcess(program, new ProcessSettings { Arguments = builder, WorkingDirectory = workingDirectory });
    if (exit != 0)
    {
        throw new CakeException(exit, $"{program} failed with exit code {exit}");
    }
}

Task("Bench")
    .Description("The benchmark suite (tools/bench): writes the measured Julia's section of docs/benchmarks.md and its chart. Options: --quick, --sizes=10,30,60, --pairs=20, --launcher-only, --baseline-launcher=PATH, --workers=8,16, --cluster-rounds=3, --no-cluster, --cluster-only.")
    .IsDependentOn("InstallJulia")
    .IsDependentOn("InstallTestTools")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var args = new ProcessArgumentBuilder()
        .Append("--julia").AppendQuoted(BenchJulia())
        .Append("--bin").AppendQuoted(binDir.FullPath)
        .Append("--work").AppendQuoted(artifacts.Combine("bench").FullPath);
    // A launcher-only run writes launcher.md into the work directory, never into docs.
    if (HasArgument("launcher-only"))
    {
        args.Append("--launcher-only");
    }
    else
    {
        args.Append("--out").AppendQuoted(MakeAbsolute(Directory("./docs")).FullPath);
    }

    foreach (var flag in new[] { "quick", "no-cluster", "cluster-only" })
    {
        if (HasArgument(flag))
        {
            args.Append("--" + flag);
        }
    }

    foreach (var option in new[] { "sizes", "pairs", "warmup", "baseline-launcher", "workers", "cluster-rounds" })
    {
        if (HasArgument(option))
        {
            args.Append("--" + option).AppendQuoted(Argument<string>(option));
        }
    }

    DotNetRun("./tools/bench/JuliaNet.Bench/JuliaNet.Bench.csproj", args, new DotNetRunSettings { Configuration = configuration });
});

// The Julia the benchmark measures: the first of JULIA_NET_TEST_JULIA, else julia on PATH.
string BenchJulia() =>
    (EnvironmentVariable("JULIA_NET_TEST_JULIA") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "julia";

Task("Test")
    .IsDependentOn("UnitTest")
    .IsDependentOn("IntegrationTest");

RunTarget(target);
