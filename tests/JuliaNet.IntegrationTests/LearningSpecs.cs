using System.Text.Json;
using System.Text.RegularExpressions;
using CliWrap;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// Issue 31 on the real tools: julia-net learns what a project's runs compile; the project's next
/// image replays it (a project with no script gets an image from its runs); a statement that
/// cannot be replayed is named and set aside; status says what was learned; concurrent runs and a
/// run killed while it writes lose nothing whole and corrupt nothing.
/// </summary>
[Collection(LearningCollection.Name)]
public sealed class LearningSpecs(LearningFixture fixture)
{
    private Tools Tools => fixture.Tools;

    [Fact]
    public void LearningRun_PrintsAndReturnsWhatPlainJuliaDoes()
    {
        Assert.Equal(0, fixture.PlainRun.ExitCode);
        Assert.Equal((0, "4\n7\n"), (fixture.FirstRun.ExitCode, fixture.FirstRun.StandardOutput));
        Assert.Equal(fixture.PlainRun.StandardOutput, fixture.FirstRun.StandardOutput);
        // Julia's own stderr may differ (julia-net's cache depot precompiles Lrn once more on 1.10+); julia-net says nothing.
        Assert.DoesNotContain("julia-net", fixture.FirstRun.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectWithNoScript_GetsAnImageFromWhatItsRunsCompiled()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.StandardError);
        Assert.True(File.Exists(fixture.Image), fixture.Build.StandardError);
        // Every f with every argument type use.jl gave it, learned, each once.
        Assert.Equal(Learning.Functions * 3, fixture.Learned.Count(l => Regex.IsMatch(l, @"typeof\(Lrn\.f[0-9]+\), (Base\.)?(Int64|Float64|Int8)\}\)$")));
        Assert.Equal(fixture.Learned.Length, fixture.Learned.Distinct().Count());
    }

    [Fact]
    public void RunOnTheLearnedImage_CompilesNoneOfWhatWasLearned()
    {
        Assert.Equal((0, "4\n7\n"), (fixture.SecondRun.ExitCode, fixture.SecondRun.StandardOutput));
        var learnedCalls = fixture.Learned.Where(l => l.Contains("Lrn.f", StringComparison.Ordinal)).ToHashSet();
        Assert.NotEmpty(learnedCalls);
        Assert.DoesNotContain(fixture.SecondTrace, l => learnedCalls.Contains(l));
    }

    [Fact]
    public void StatementThatCannotBeReplayed_IsNamedInTheBuildAndSetAside()
    {
        var setAside = Path.Combine(fixture.Store, "set-aside.jl");
        Assert.Contains("set aside", fixture.Build.StandardError, StringComparison.Ordinal);
        var closure = Assert.Single(File.ReadAllLines(setAside), l => l.Contains("Main.", StringComparison.Ordinal) && l.Contains('#', StringComparison.Ordinal));
        Assert.Contains(closure, fixture.Build.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(closure, fixture.Learned);
    }

    [Fact]
    public void EveryStatementJuliasOwnPrecompileAccepts_IsReplayedByTheBuild()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.StandardError);
        var files = new[] { "learned.jl", "set-aside.jl" }.Select(f => Path.Combine(fixture.Store, f)).Where(File.Exists).ToArray();
        Assert.Contains(files.SelectMany(File.ReadAllLines), l => l == Learning.MultiMethodStatement);

        // Plain Julia in the project, Lrn loaded: the statements its own precompile accepts.
        var plain = Tools.RunJulia(["--startup-file=no", "--project=" + fixture.Project, "-e", AcceptedByPrecompile, .. files]);
        Assert.True(plain.ExitCode == 0, plain.StandardError);
        var accepted = plain.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(accepted.Length >= Learning.Functions * 3, plain.StandardOutput);

        // None of them was set aside (a statement the build could not replay is), and the build
        // counted at least as many replayed.
        Assert.All(accepted, l => Assert.Contains(l, fixture.Learned));
        var counts = Regex.Match(fixture.Build.StandardError, @"precompile statements: (?<ok>[0-9]+) of [0-9]+ replayed");
        Assert.True(counts.Success, fixture.Build.StandardError);
        Assert.True(int.Parse(counts.Groups["ok"].Value, System.Globalization.CultureInfo.InvariantCulture) >= accepted.Length, fixture.Build.StandardError + "\naccepted by precompile:\n" + plain.StandardOutput);
    }

    /// <summary>Prints each line of the files in ARGS that Julia's own <c>precompile</c> accepts, evaluated in Main with Lrn loaded.</summary>
    private const string AcceptedByPrecompile =
        "using Lrn; for file in ARGS, line in eachline(file); " +
        "ok = try; Core.eval(Main, Meta.parse(line)) === true; catch err; err isa InterruptException && rethrow(); false; end; " +
        "ok && println(line); end";

    [Fact]
    public void Status_SaysWhatWasLearned()
    {
        Assert.True(fixture.Status.ExitCode == 0, fixture.Status.StandardOutput + fixture.Status.StandardError);
        var learned = JsonDocument.Parse(fixture.Status.StandardOutput).RootElement.GetProperty("learned");
        Assert.True(learned.GetProperty("on").GetBoolean());
        Assert.Equal(1, learned.GetProperty("runs").GetInt32());
        Assert.Equal(fixture.Learned.Length, learned.GetProperty("statements").GetInt32());
        Assert.Equal(0, learned.GetProperty("newSinceBuild").GetInt32());
        Assert.True(learned.GetProperty("setAside").GetInt32() >= 1);
        Assert.Equal(new FileInfo(Path.Combine(fixture.Store, "learned.jl")).Length, learned.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public void ChildOfALearningRun_LearnsNothing()
    {
        Assert.True(File.Exists(fixture.Image), fixture.Build.StandardError);
        var before = Learning.RunFiles(fixture.Store).ToHashSet();

        // On the project image, Base.julia_cmd() comes back through julia-net: the child is a child launch.
        var run = Tools.RunLauncher(["--startup-file=no", "--project=" + fixture.Project, "-e", "run(`$(Base.julia_cmd()) --startup-file=no -e 'childf(x) = x + 1; println(childf(2.5))'`)"], fixture.Environment);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal("3.5\n", run.StandardOutput);
        var added = Learning.RunFiles(fixture.Store).Where(f => !before.Contains(f)).ToList();
        Assert.True(added.Count <= 1, "a child of the run learned too: " + string.Join(", ", added));
        Assert.DoesNotContain(added.SelectMany(File.ReadAllLines), l => l.Contains("childf", StringComparison.Ordinal));
    }

    [Fact]
    public void Store_IsPrivateToTheUser() =>
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(fixture.Store));

    [Fact]
    public async Task SixteenRunsAtOnce_AllTheirStatementsAreLearnedOnce()
    {
        var project = NewProject("crowd", out var env);
        Assert.Equal(0, Tools.RunLauncher(["--startup-file=no", "--project=" + project, "-e", "using Lrn"], env).ExitCode);

        var runs = Enumerable.Range(1, 16).Select(i => Tools.Command(Tools.Launcher, ["--startup-file=no", "--project=" + project, "-e", $"using Lrn; Lrn.g(Val({i}))"], env)
            .ExecuteAsync().Task).ToList();
        var results = await Task.WhenAll(runs);
        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(0, Tools.RunLauncher(["--startup-file=no", "--project=" + project, "-e", "0"], env).ExitCode); // merges the runs that ended

        var learned = File.ReadAllLines(Path.Combine(StoreOf(project), "learned.jl"));
        foreach (var i in Enumerable.Range(1, 16))
        {
            Assert.Single(learned, l => Regex.IsMatch(l, $@"typeof\(Lrn\.g\), (Base\.)?Val\{{{i}\}}\}}\)$"));
        }

        Assert.All(learned, l => Assert.Matches(@"^precompile\(.*\)$", l));
    }

    [Fact]
    public async Task RunKilledWhileItWrites_ItsWholeLinesAreLearnedAndItsPartOfALineIsSkipped()
    {
        var project = NewProject("killed", out var env);
        using var ready = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var run = Tools.Command(Tools.Launcher, ["--startup-file=no", "--project=" + project, "-e", "using Lrn; Lrn.g(Val(100)); println(\"ready\"); flush(stdout); sleep(600)"], env)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => { if (line == "ready") ready.Release(); }))
            .ExecuteAsync(stop.Token);
        Assert.True(await ready.WaitAsync(TimeSpan.FromMinutes(2)), "the run never got ready");
        var runFile = Assert.Single(Learning.RunFiles(StoreOf(project)));
        ProcessTree.Kill("KILL", run.ProcessId);
        Assert.NotEqual(0, (await run).ExitCode);
        await File.AppendAllTextAsync(runFile, "precompile(Tuple{typeof(Lrn.g), Va"); // the line it was writing when it was killed

        Assert.Equal(0, Tools.RunLauncher(["--startup-file=no", "--project=" + project, "-e", "0"], env).ExitCode);

        var learned = File.ReadAllLines(Path.Combine(StoreOf(project), "learned.jl"));
        Assert.Single(learned, l => Regex.IsMatch(l, @"typeof\(Lrn\.g\), (Base\.)?Val\{100\}\}\)$"));
        Assert.All(learned, l => Assert.Matches(@"^precompile\(.*\)$", l));
        Assert.Contains("skipped=1\n", File.ReadAllText(Path.Combine(StoreOf(project), "state")), StringComparison.Ordinal);
        Assert.False(File.Exists(runFile));
    }

    [Fact]
    public void Forget_RemovesWhatWasLearnedAndKeepsTheStoreUsable()
    {
        var project = NewProject("forgetful", out var env);
        Assert.Equal(0, Tools.RunLauncher(["--startup-file=no", "--project=" + project, "-e", "using Lrn; Lrn.g(1)"], env).ExitCode);
        Assert.Equal(0, Tools.RunLauncher(["--startup-file=no", "--project=" + project, "-e", "0"], env).ExitCode);
        Assert.True(File.Exists(Path.Combine(StoreOf(project), "learned.jl")));

        var forget = Tools.Run(Tools.Sysimage, ["forget", "--project", project], env);

        Assert.True(forget.ExitCode == 0, forget.StandardError);
        Assert.Matches(@"^julia-sysimage: forgot [0-9]+ statements learned from 1 runs for ", forget.StandardError);
        Assert.Empty(Directory.EnumerateFiles(StoreOf(project)));
        Assert.Equal(0, Tools.RunLauncher(["--startup-file=no", "--project=" + project, "-e", "using Lrn; Lrn.g(2.0)"], env).ExitCode);
    }

    /// <summary>A new learning project with no image; ignore mode, so that nothing is built from it.</summary>
    private string NewProject(string name, out Dictionary<string, string?> env)
    {
        var project = Tools.NewDir(name);
        TestProjects.Write(project, Learning.Project());
        env = new Dictionary<string, string?>(StringComparer.Ordinal) { ["JULIA_NET_LEARN"] = "1", ["JULIA_NET_STALE"] = "ignore" };
        return project;
    }

    /// <summary>The project's store for the Julia under test: beside the image julia-sysimage would build (it prints its path).</summary>
    private string StoreOf(string project)
    {
        var image = Tools.Run(Tools.Sysimage, ["status", "--project", project]).StandardError is var error && Regex.Match(error, @"no image for this Julia: (?<image>\S+)") is { Success: true } m
            ? m.Groups["image"].Value
            : throw new InvalidOperationException("status did not name the project image: " + error);
        return Path.Combine(Path.GetDirectoryName(image)!, "." + Path.GetFileName(image) + ".learned");
    }
}
