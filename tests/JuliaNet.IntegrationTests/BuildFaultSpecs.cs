using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// julia-sysimage when a build is stopped or breaks: SIGINT and SIGTERM at every step, a C
/// compiler or a julia that crashes, a full disk. OUTPUT and its metadata stay as they were,
/// no process of the build is left, and nothing is left beside OUTPUT but, after a failed
/// step, the build directory with its log.
/// </summary>
[Collection(SysimageCollection.Name)]
public sealed class BuildFaultSpecs(SysimageFixture image) : IDisposable
{
    public enum Step
    {
        Precompile,
        Trace,
        Object,
        Link,
        Verify,
    }

    /// <summary>How long the tool may take to exit, and its children to go, after a signal.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A whole build takes 2-3 minutes on a quiet two-core machine with 1.5, more with 1.10's
    /// slower object step when other builds share the cores; a hung one fails the test.
    /// </summary>
    private static readonly TimeSpan BuildLimit = Tools.ImageBuildTime;

    /// <summary>
    /// coreutils' env, which execs the build with SIGINT and SIGTERM at their default action,
    /// as a terminal's Ctrl-C finds them. A test runner started in the background of a
    /// non-interactive shell ignores SIGINT, its children inherit that, and julia-sysimage keeps
    /// an ignored signal ignored (as a background job must): the signal would never arrive.
    /// </summary>
    private static readonly string DefaultSignals = Tools.Which("env") ?? throw new InvalidOperationException("env (coreutils) not on PATH");

    private readonly ScratchDirectories scratch = new(image.Tools);

    private Tools Tools => image.Tools;

    /// <summary>
    /// Two builds at once, one stopped by SIGINT and one by SIGTERM while a process of the step
    /// runs (two builds share the machine's two cores: half the time of one after the other).
    /// Every step but the object step can end before the signal arrives (link and verify take
    /// under a second, precompile and trace a few once caches exist): there the step's program
    /// is held open (<see cref="SlowedDown"/>), so the signal always lands inside it.
    /// </summary>
    [Theory]
    [InlineData(Step.Precompile)]
    [InlineData(Step.Trace)]
    [InlineData(Step.Object)]
    public async Task Signal_DuringAnEarlyStep_Exits130WithChildrenGoneOutputUnchangedAndNoBuildDirectory(Step step)
    {
        await Task.WhenAll(StopDuringAsync(step, "INT"), StopDuringAsync(step, "TERM"));
    }

    /// <summary>
    /// The same for the last two steps, whose program julia-sysimage holds open the same way on
    /// every Julia (<see cref="SlowedDown"/>): each needs a whole image build first, 3 to 5 minutes
    /// on a second Julia, for what the earlier steps prove there already.
    /// </summary>
    [FirstJuliaTheory("link and verify come after a whole image build, and their interruption is julia-sysimage's, the same on every Julia")]
    [InlineData(Step.Link)]
    [InlineData(Step.Verify)]
    public async Task Signal_DuringTheLastSteps_Exits130WithChildrenGoneOutputUnchangedAndNoBuildDirectory(Step step)
    {
        await Task.WhenAll(StopDuringAsync(step, "INT"), StopDuringAsync(step, "TERM"));
    }

    [FirstJuliaFact("the linker is the C compiler, after a whole object step (4 minutes on 1.12): the same on every Julia")]
    public async Task Linker_ThatSegfaults_FailsNamingLinkAndItsLogAndMovesNothingOntoOutput()
    {
        var output = PreviousImage();
        var before = Snapshot(output);
        var cc = scratch.FakeProgram("fake-cc-segfaults", "ulimit -c 0\nkill -SEGV $$\n");

        var result = await RunAsync(Tools.Command(image.Sysimage, BuildArguments(output), new Dictionary<string, string?> { ["JULIA_CC"] = cc }));

        AssertFailedStep(result, output, before, "link: fake-cc-segfaults was killed by signal 11", logRecordsIt: true);
    }

    [Fact]
    public async Task Julia_KilledBySignalDuringTrace_FailsNamingTraceAndItsLogAndLeavesOutput()
    {
        var output = PreviousImage();
        var before = Snapshot(output);
        var julia = scratch.FakeProgram(
            "fake-julia-killed-in-trace",
            $"for arg in \"$@\"; do\n  case \"$arg\" in */trace.jl) kill -KILL $$ ;; esac\ndone\nexec '{Tools.Julia}' \"$@\"\n");

        var result = await RunAsync(Tools.Command(image.Sysimage, ["--julia", julia, .. BuildArguments(output)]));

        Assert.Contains(result.StandardError.Split('\n'), line => IsDone(line, Step.Precompile));
        AssertFailedStep(result, output, before, "trace: fake-julia-killed-in-trace was killed by signal 9", logRecordsIt: true);
    }

    /// <summary>docs/julia-sysimage.md, "Step statistics": one JSON line per step that ran to its end, the failed one included.</summary>
    [Fact]
    public async Task StepStats_WhenTraceFails_HoldOneJsonLinePerStepThatRan()
    {
        var output = PreviousImage();
        var stats = Path.Combine(scratch.NewDir("step-stats"), "steps.jsonl");
        var julia = scratch.FakeProgram(
            "fake-julia-fails-in-trace",
            $"for arg in \"$@\"; do\n  case \"$arg\" in */trace.jl) exit 3 ;; esac\ndone\nexec '{Tools.Julia}' \"$@\"\n");

        var result = await RunAsync(Tools.Command(image.Sysimage, ["--julia", julia, .. BuildArguments(output)], new Dictionary<string, string?> { ["JULIA_NET_STEP_STATS"] = stats }));

        Assert.True(result.ExitCode == 77, $"exit code {result.ExitCode}:\n{result.StandardError}");
        var lines = File.ReadAllLines(stats);
        Assert.Equal(["precompile", "trace"], lines.Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("step").GetString()));
        Assert.All(lines, line => Assert.Matches(@"^\{""step"":""[a-z]+"",""seconds"":[0-9]+\.[0-9]+,""maxRssKb"":[1-9][0-9]*\}$", line));
    }

    [FirstJuliaFact("a full disk is the file system's, and the failed step julia-sysimage's report, the same on every Julia; it waits for a whole object step (2 minutes on 1.12)")]
    public async Task FullDisk_WhenTheObjectIsWritten_FailsNamingTheStepAndLogAndLeavesOutput()
    {
        // A 40 MB tmpfs holds the build's small files but not the object (about 150 MB);
        // where mounting is not allowed, a 50 MB file-size limit stands in for it.
        var dir = scratch.NewDir("full-disk");
        using var disk = Tmpfs.TryMount(Tools, dir, "40m");
        var output = SmallPreviousImage(dir);
        var before = Snapshot(output);

        var result = await RunAsync(disk is not null
            ? Tools.Command(image.Sysimage, BuildArguments(output))
            : Tools.Command("env", ["--ignore-signal=XFSZ", "prlimit", "--fsize=50000000", "--", image.Sysimage, .. BuildArguments(output)]));

        AssertFailedStep(result, output, before, "object: ", logRecordsIt: false);
    }

    [RootFact]
    public async Task FullDisk_BeforeTheFirstStep_FailsInOneLineAndLeavesOutputAndNoBuildDirectory()
    {
        // The tool's own files (scripts, parameters) on a full 1 MB tmpfs. No file-size limit
        // stands in here: .NET fails a preallocated write over the limit with an argument error.
        var dir = scratch.NewDir("disk-full");
        using var disk = Tmpfs.TryMount(Tools, dir, "1m");
        Assert.True(disk is not null, "this test mounts a tmpfs: run it as root");
        var output = SmallPreviousImage(dir);
        var before = Snapshot(output);
        Tmpfs.Fill(Path.Combine(dir, "filler"));

        var result = await RunAsync(Tools.Command(image.Sysimage, BuildArguments(output)));

        Assert.True(result.ExitCode == 77, $"exit code {result.ExitCode}:\n{result.StandardError}");
        var line = result.StandardError.TrimEnd('\n').Split('\n')[^1];
        Assert.StartsWith("julia-sysimage: error: cannot write the build directory: ", line, StringComparison.Ordinal);
        Assert.Contains("No space left on device", line, StringComparison.Ordinal);
        Assert.EndsWith($"; {output} is unchanged", line, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(output));
        Assert.Equal(new[] { "filler", Path.GetFileName(output), Path.GetFileName(output) + ".json" }.Order(StringComparer.Ordinal), Entries(output));
    }

    public void Dispose() => scratch.Dispose();

    private async Task StopDuringAsync(Step step, string signal)
    {
        var output = PreviousImage();
        var before = Snapshot(output);
        var (extraArgs, env) = SlowedDown(step);
        await using var build = new RunningBuild(Tools.Command(DefaultSignals, ["--default-signal=INT,TERM", image.Sysimage, .. extraArgs, .. BuildArguments(output)], env), BuildLimit);

        await build.WaitForAsync(() => build.Lines.Any(line => IsStart(line, step)), $"the {step} step started");
        await build.WaitForAsync(() => ProcessTree.Descendants(build.Pid).Count > 0, $"a process of the {step} step started");
        var buildDir = Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(output)!, ".julia-sysimage-*"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(buildDir));
        var children = ProcessTree.Descendants(build.Pid);
        var sent = Stopwatch.StartNew();
        ProcessTree.Kill(signal, build.Pid);
        foreach (var (pid, child) in ProcessTree.Descendants(build.Pid))
        {
            children.TryAdd(pid, child); // started while the signal was on its way (a linker's ld, say)
        }

        var result = await build.Task.Task.WaitAsync(Grace - sent.Elapsed);
        var left = await ProcessTree.WaitGoneAsync(children, Grace - sent.Elapsed);

        Assert.True(result.ExitCode == 130, $"SIG{signal}: exit code {result.ExitCode}:\n{build.Stderr}");
        Assert.True(left.Count == 0, $"still running {Grace} after SIG{signal}: {string.Join(", ", left)}");
        Assert.Equal($"julia-sysimage: error: interrupted; {output} is unchanged", build.Lines[^1]);
        Assert.DoesNotContain(build.Lines, line => IsDone(line, step));
        Assert.Equal(before, Snapshot(output));
        Assert.Equal(new[] { Path.GetFileName(output), Path.GetFileName(output) + ".json" }, Entries(output));
    }

    /// <summary>
    /// What keeps a short step's program running for a minute, so the signal lands inside it:
    /// for link, a C compiler that links with the real <c>cc</c> and then sleeps; for
    /// precompile, trace and verify (each a few seconds or less once caches exist), a julia that
    /// runs the real julia with <c>-L</c> of a script that sleeps before that step's script.
    /// The object step (minutes) runs as it is.
    /// </summary>
    private (string[] Args, Dictionary<string, string?>? Env) SlowedDown(Step step)
    {
        switch (step)
        {
            case Step.Link:
                var cc = scratch.FakeProgram("fake-cc-links-then-sleeps", "cc \"$@\" || exit $?\nsleep 60\n");
                return ([], new Dictionary<string, string?> { ["JULIA_CC"] = cc });
            case Step.Precompile or Step.Trace or Step.Verify:
                var script = step switch { Step.Precompile => "precompile.jl", Step.Trace => "trace.jl", _ => "verify.jl" };
                var sleep = Path.Combine(scratch.NewDir("sleep"), "sleep.jl");
                File.WriteAllText(sleep, "sleep(60)\n");
                var julia = scratch.FakeProgram(
                    $"fake-julia-sleeps-before-{step.ToString().ToLowerInvariant()}",
                    $"for arg in \"$@\"; do\n  case \"$arg\" in */{script}) exec '{Tools.Julia}' -L '{sleep}' \"$@\" ;; esac\ndone\nexec '{Tools.Julia}' \"$@\"\n");
                return (["--julia", julia], null);
            default:
                return ([], null);
        }
    }

    private string[] BuildArguments(string output) => ["--force", "--project", image.Project, "--script", image.Script, output];

    private static string Label(Step step) => step switch
    {
        Step.Precompile => "precompile packages",
        Step.Trace => "record precompile statements",
        Step.Object => "generate image object (minutes)",
        Step.Link => "link",
        Step.Verify => "verify",
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    private static bool IsStart(string line, Step step) => line.StartsWith('[') && line.EndsWith($"] {Label(step)} ...", StringComparison.Ordinal);

    private static bool IsDone(string line, Step step) => line.StartsWith('[') && line.Contains($"] {Label(step)} done in ", StringComparison.Ordinal);

    /// <summary>The names in OUTPUT's directory, sorted.</summary>
    private static string[] Entries(string output) =>
        Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToArray();

    private static (string Image, string Metadata) Snapshot(string output) =>
        (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(output))), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(output + ".json"))));

    private static async Task<BufferedCommandResult> RunAsync(Command command)
    {
        using var limit = new CancellationTokenSource(BuildLimit);
        return await command.ExecuteBufferedAsync(limit.Token);
    }

    /// <summary>
    /// Exit code 77 and, as the last line of stderr, the error naming the step and the log
    /// (kept, in the one build directory left, without the large intermediates; with
    /// <paramref name="logRecordsIt"/> the log says how the step ended); OUTPUT and its
    /// metadata unchanged; no process of the build still running.
    /// </summary>
    private static void AssertFailedStep(BufferedCommandResult result, string output, (string, string) before, string error, bool logRecordsIt)
    {
        Assert.True(result.ExitCode == 77, $"exit code {result.ExitCode}:\n{result.StandardError}");
        var line = result.StandardError.TrimEnd('\n').Split('\n')[^1];
        var match = Regex.Match(line, @"^julia-sysimage: error: (?<step>.+) \(log: (?<log>.+)\)$");
        Assert.True(match.Success, line);
        Assert.StartsWith(error, match.Groups["step"].Value, StringComparison.Ordinal);
        var log = match.Groups["log"].Value;
        Assert.True(File.Exists(log), $"no log at {log}");
        var buildDir = Path.GetDirectoryName(log)!;
        Assert.Equal(Path.GetDirectoryName(output), Path.GetDirectoryName(buildDir));
        if (logRecordsIt)
        {
            Assert.Contains("=== " + error, File.ReadAllText(log), StringComparison.Ordinal);
        }

        Assert.Equal(before, Snapshot(output));
        Assert.Equal(
            new[] { Path.GetFileName(buildDir), Path.GetFileName(output), Path.GetFileName(output) + ".json" }.Order(StringComparer.Ordinal),
            Entries(output).Where(name => name != "filler"));
        Assert.False(File.Exists(Path.Combine(buildDir, "sys-o.a")), "object left in the build directory");
        Assert.False(File.Exists(Path.Combine(buildDir, "image" + Path.GetExtension(output))), "image left in the build directory");
        Assert.Empty(ProcessTree.Mentioning(buildDir));
    }

    /// <summary>A copy of the fixture's image and metadata in a fresh directory: the OUTPUT a build replaces.</summary>
    private string PreviousImage()
    {
        var output = Path.Combine(scratch.NewDir("fault"), Path.GetFileName(image.Output));
        File.Copy(image.Output, output);
        File.Copy(image.Output + ".json", output + ".json");
        return output;
    }

    /// <summary>A previous OUTPUT small enough for a small disk: a stand-in image and the real metadata.</summary>
    private string SmallPreviousImage(string dir)
    {
        var output = Path.Combine(dir, Path.GetFileName(image.Output));
        File.WriteAllText(output, "previous image");
        File.Copy(image.Output + ".json", output + ".json");
        return output;
    }
}
