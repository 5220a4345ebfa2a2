using CliWrap.Buffered;
using JuliaNet.Julia;
using Xunit.Abstractions;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// Workers started by SLURM: a one-node cluster of the test's own (<see cref="SlurmCluster"/>),
/// the real srun and sbatch, and a cluster manager in the style of ClusterManagers.jl's
/// (Fixtures/Slurm/slurm_manager.jl) that runs Distributed's default exename and exeflags. A
/// master run by julia-net on an image gets workers that come back through julia-net on the same
/// image and share its cache depot; a worker that cannot start fails addprocs with its command
/// and the cause. Every cluster step has a time limit.
/// </summary>
[Collection(PackageProjectCollection.Name)]
public sealed class SlurmWorkerSpecs(PackageProjectFixture image, ITestOutputHelper log) : IDisposable
{
    /// <summary>The most one master (its workers included) may take here.</summary>
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(6);

    private readonly SlurmCluster cluster = new(image.Tools);
    private readonly ScratchDirectories scratch = new(image.Tools);

    private Tools Tools => image.Tools;

    private string Fixtures => Path.Combine(Tools.FixturesDir, "Slurm");

    [Fact]
    public void SrunWorkers_OfAMasterRunByJuliaNet_RunTheImageThroughJuliaNetWithItsCacheDepot()
    {
        var result = RunMaster(["--sysimage", image.Output, Path.Combine(Fixtures, "workers.jl")], WorkersEnvironment(4));

        Assert.True(result.ExitCode == 0, result.StandardError);
        AssertWorkersOnTheImage(result.StandardOutput, 4);
    }

    [Fact]
    public void BatchJob_StartingJuliaNetWithTheImage_AddsSrunWorkersOnTheSameImage()
    {
        var (output, errors) = (cluster.In("job.out"), cluster.In("job.err"));
        var env = WorkersEnvironment(2);
        env["JOB_LAUNCHER"] = Tools.Launcher;
        env["JOB_IMAGE"] = image.Output;
        env["JOB_SCRIPT"] = Path.Combine(Fixtures, "workers.jl");

        // --time: SLURM's own limit, besides the test's.
        var end = cluster.RunBatchJob(["--ntasks=3", "--time=6", $"--output={output}", $"--error={errors}", Path.Combine(Fixtures, "job.sh")], env, StepLimit);

        Assert.True(end == "COMPLETED 0:0", $"{end}\n{(File.Exists(errors) ? File.ReadAllText(errors) : "")}");
        AssertWorkersOnTheImage(File.ReadAllText(output), 2);
    }

    [Fact]
    public void SixteenSrunWorkers_LoadingAPackageOutsideTheImage_ShareOneCompleteCacheInTheLaunchersDepot()
    {
        const int Workers = 16;
        var compilations = Path.Combine(scratch.NewDir("compilations"), "pids");
        var env = new Dictionary<string, string?>
        {
            ["TEST_WORKERS"] = Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TEST_COMPILATIONS"] = compilations,
            ["JULIA_LOAD_PATH"] = Path.Combine(Fixtures, "LoadPath") + ":@stdlib",
            // A cache root of this spec's own: Extra is compiled here for the first time.
            ["JULIA_NET_CACHE_DIR"] = Path.Combine(scratch.NewDir("cache"), "julia-net"),
        };

        var result = RunMaster(["--sysimage", image.Output, Path.Combine(Fixtures, "load_everywhere.jl")], env);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(string.Join(' ', Enumerable.Repeat("2", Workers)), result.StandardOutput.TrimEnd('\n'));
        var compiled = File.ReadAllLines(compilations).Length;
        log.WriteLine($"Julia {Tools.JuliaVersion}: {compiled} compilations of Extra by {Workers} workers");
        if (JuliaRelease.AtLeast(Tools.JuliaVersion, 1, 10, 0))
        {
            // Julia 1.10 holds a pidfile lock around each package's compilation (base/loading.jl,
            // maybe_cachefile_lock): the others wait for it and load its cache.
            Assert.Equal(1, compiled);
        }
        else
        {
            // Julia 1.5 has no lock: every worker that finds no cache compiles its own into a
            // temporary file and renames it over the cache (base/loading.jl, compilecache), so the
            // last complete file wins. The guarantee left is the one asserted below.
            Assert.InRange(compiled, 1, Workers);
        }

        var depot = InfoJson.CacheDir(Tools, Tools.Launcher, env, "--sysimage", image.Output);
        var files = Directory.GetFiles(Path.Combine(depot, "compiled"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(depot, f)).ToList();
        Assert.Single(files, f => Path.GetFileName(Path.GetDirectoryName(f)) == "Extra" && f.EndsWith(".ji", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith("jl_", StringComparison.Ordinal) || f.EndsWith(".pidfile", StringComparison.Ordinal));
        var again = Tools.RunLauncher(["--sysimage", image.Output, "-e", "using Extra; print(Extra.extra(1))"], env);
        Assert.True(again.ExitCode == 0, again.StandardError);
        Assert.Equal("2", again.StandardOutput);
        Assert.Equal(compiled, File.ReadAllLines(compilations).Length); // the cache they left loads as it is
    }

    [Fact]
    public void Addprocs_WithNoSrunOnPath_FailsAtOnceNamingTheWorkersCommand()
    {
        var env = WorkersEnvironment(2);
        env["PATH"] = scratch.NewDir("no-scheduler");

        var result = RunMaster(["--sysimage", image.Output, Path.Combine(Fixtures, "workers.jl")], env);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SlurmManager: srun not found on PATH, cannot start 2 workers", result.StandardError, StringComparison.Ordinal);
        AssertNamesTheWorkersCommand(result.StandardError, image.Output);
    }

    [Fact]
    public void Addprocs_WorkersWhoseImageIsGoneFromTheNode_FailsNamingTheWorkersCommandAndTheCause()
    {
        var copy = Path.Combine(scratch.NewDir("image copy"), "sys.so");
        File.Copy(image.Output, copy);
        File.Copy(image.Output + ".json", copy + ".json");
        // The master runs on the copy and then removes it, as a node without the image would have
        // it; Distributed is loaded first (from 1.10 it may be compiled then, by a child on the image).
        var code = "using Distributed; rm(unsafe_string(Base.JLOptions().image_file)); include(ARGS[1]); addprocs_slurm(2; timeout = 120)";

        var result = RunMaster(["--sysimage", copy, "-e", code, Path.Combine(Fixtures, "slurm_manager.jl")]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SlurmManager: 0 of 2 workers started; srun exited with status", result.StandardError, StringComparison.Ordinal);
        Assert.Contains($"julia-net: error: system image not found: {copy}", result.StandardError, StringComparison.Ordinal);
        AssertNamesTheWorkersCommand(result.StandardError, copy);
    }

    [Fact]
    public void Addprocs_WorkersWhoseJuliaIsMissing_FailsNamingTheWorkersCommandAndTheCause()
    {
        var missing = Path.Combine(scratch.NewDir("no-julia"), "bin", "julia");
        // The workers inherit the master's environment (srun's default), so they look for this Julia.
        var code = "ENV[\"JULIA_NET_JULIA\"] = ARGS[2]; include(ARGS[1]); addprocs_slurm(2; timeout = 120)";

        var result = RunMaster(["--sysimage", image.Output, "-e", code, Path.Combine(Fixtures, "slurm_manager.jl"), missing]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SlurmManager: 0 of 2 workers started; srun exited with status", result.StandardError, StringComparison.Ordinal);
        Assert.Contains($"julia-net: error: julia not found: {missing} (from JULIA_NET_JULIA)", result.StandardError, StringComparison.Ordinal);
        AssertNamesTheWorkersCommand(result.StandardError, image.Output);
    }

    public void Dispose()
    {
        cluster.Dispose();
        scratch.Dispose();
    }

    /// <summary>
    /// Runs a master through julia-net against the cluster. Distributed's connection timeout
    /// (60 s by default, on both sides) is raised for master and workers (srun passes the
    /// environment on): 16 workers of Julia 1.10 starting on two busy cores took longer.
    /// </summary>
    private BufferedCommandResult RunMaster(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null) =>
        Tools.Run(
            Tools.Launcher,
            args,
            new Dictionary<string, string?>(cluster.Environment.Append(new("JULIA_WORKER_TIMEOUT", "200")).Concat(env ?? new Dictionary<string, string?>())),
            timeLimit: StepLimit);

    private Dictionary<string, string?> WorkersEnvironment(int workers) => new()
    {
        ["TEST_WORKERS"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TEST_PACKAGE"] = image.PackageName,
        ["TEST_PACKAGE_UUID"] = Bench.Synth.SynthPackage.Uuid(PackageProjectFixture.Types),
    };

    /// <summary>
    /// The lines workers.jl prints: one per worker (its SLURM task number among 0..n-1), each
    /// running julia-net's plan for the image (the launcher in <c>Base.julia_cmd()</c>, the image,
    /// <c>-Cnative</c> that julia-net adds on the command line), with the master's cache depot,
    /// under julia-net's cache root, and the package from the image working.
    /// </summary>
    private void AssertWorkersOnTheImage(string output, int workers)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        var masterDepot = Assert.Single(lines, l => l[0] == "master")[1];
        var workerLines = lines.Where(l => l.Length == 6).ToList();
        Assert.StartsWith(Path.Combine(Tools.CacheRoot, "depots") + "/", masterDepot, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, workers).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), workerLines.Select(w => w[3]).Order(StringComparer.Ordinal));
        Assert.All(workerLines, w =>
        {
            Assert.Equal($"{Tools.Launcher} {Tools.CpuNative} -J{image.Output}", w[0]);
            Assert.Equal(image.Output, w[1]);
            Assert.Equal(masterDepot, w[2]);
            Assert.Equal("true", w[4]);
            Assert.Contains($" -Cnative -J {image.Output} ", w[5], StringComparison.Ordinal);
        });
    }

    /// <summary>The error shows the command the workers run: the launcher with the image, and <c>--worker</c>.</summary>
    private void AssertNamesTheWorkersCommand(string stderr, string workerImage)
    {
        var line = stderr.Split('\n').FirstOrDefault(l => l.Contains("SlurmManager: ", StringComparison.Ordinal)) ?? "";
        Assert.Contains(Tools.Launcher, line, StringComparison.Ordinal);
        Assert.Contains(workerImage, line, StringComparison.Ordinal);
        Assert.Contains("--worker`", line, StringComparison.Ordinal);
    }
}
