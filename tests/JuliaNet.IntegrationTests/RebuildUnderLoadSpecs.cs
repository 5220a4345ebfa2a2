using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// The project image under load and faults, live: many launches at once while background
/// rebuilds replace the image, and a background rebuild killed outright (SIGKILL, no handler
/// runs) during its precompile and object steps. Each spec changes the project's Helper package, so that the
/// image holds a <c>generation()</c> of its own, and puts the Helper back at the end.
/// </summary>
[Collection(RebuildableImageCollection.Name)]
public sealed class RebuildUnderLoadSpecs(RebuildableImageFixture fixture)
{
    private const int Streams = 16;

    private const int LaunchesPerStream = 25;

    /// <summary>
    /// How many times the launches' image is replaced under them. Two replacements prove what
    /// three did (each launch sees a whole image, old or new; launches run on both rebuilt images)
    /// and save CI one image build on 1.5.3, some 5 minutes.
    /// </summary>
    private const int Rebuilds = 2;

    /// <summary>
    /// Prints the image the launch runs and, when that image holds the Helper package, its
    /// <c>generation()</c>. It loads no package: a launch on Julia's default image prints the
    /// image alone, and no precompile cache is made by 16 processes at once.
    /// </summary>
    private const string WhichImage =
        "print(unsafe_string(Base.JLOptions().image_file)); " +
        "for (id, m) in Base.loaded_modules; id.name == \"Helper\" && isdefined(m, :generation) && print(' ', Base.invokelatest(getfield(m, :generation))); end";

    private Tools Tools => fixture.Tools;

    private string ImageDirectory => Path.GetDirectoryName(fixture.Image)!;

    [FirstJuliaFact("the image's replacement and julia-net's choice of image are julia-net's and julia-sysimage's, the same on every Julia; two rebuilds under load take minutes")]
    public async Task ParallelLaunches_WhileBackgroundRebuildsReplaceTheImageTwice_EachRunAWholeImageAndLeaveNoTemporaryFile()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.StandardError);
        var original = File.ReadAllText(fixture.Helper);
        var before = Entries();
        var results = new ConcurrentBag<BufferedCommandResult>();
        var rebuilding = 1; // 1 while the rebuilds run: the streams pause 8 s between launches (about two launches a second in all), leaving the niced build most of a core
        try
        {
            var streams = Enumerable.Range(0, Streams).Select(_ => Task.Run(async () =>
            {
                for (var n = 0; n < LaunchesPerStream || Volatile.Read(ref rebuilding) == 1; n++)
                {
                    results.Add(await Tools.Command(Tools.Launcher, ["--project", "-e", WhichImage], cwd: fixture.Project)
                        .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync());
                    if (Volatile.Read(ref rebuilding) == 1)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(8));
                    }
                }
            })).ToArray();

            var built = new List<string>();
            for (var generation = 1; generation <= Rebuilds; generation++)
            {
                File.Delete(fixture.Log);
                File.WriteAllText(fixture.Helper, Helper(original, generation)); // the streams' next launch finds the image out of date
                var log = await Task.Run(fixture.WaitForRebuild);
                Assert.Contains("julia-sysimage: wrote ", log, StringComparison.Ordinal);
                built.Add(Launch().StandardOutput);
                await WaitForLaunchesAsync(results, Streams); // launches on the new image before the next change
            }

            Volatile.Write(ref rebuilding, 0);
            await Task.WhenAll(streams);

            Assert.Equal(Enumerable.Range(1, Rebuilds).Select(g => $"{fixture.Image} {g}"), built);
            var all = results.ToList();
            Assert.True(all.Count >= Streams * LaunchesPerStream, $"{all.Count} launches");
            var failed = all.Where(r => r.ExitCode != 0).Select(r => $"exit {r.ExitCode}: {r.StandardError}").ToList();
            Assert.True(failed.Count == 0, $"{failed.Count} of {all.Count} launches failed, the first: {failed.FirstOrDefault()}");
            var whole = new Regex($@"^({Regex.Escape(Tools.DefaultImage)}|{Regex.Escape(fixture.Image)}( \d+)?)$");
            Assert.All(all, r => Assert.Matches(whole, r.StandardOutput));
            var notice = new Regex($@"^(julia-net: {Regex.Escape(fixture.Image)} is out of date \(.*\)(: rebuilding it in the background| and is being rebuilt) \(log: .*\); this run uses Julia's default image\n)?$");
            Assert.All(all, r => Assert.Matches(notice, r.StandardError));
            Assert.Contains(all, r => r.StandardOutput == Tools.DefaultImage); // launches ran while the image was out of date...
            Assert.True(all.Select(r => r.StandardOutput).Where(o => o.StartsWith(fixture.Image + " ", StringComparison.Ordinal)).Distinct().Count() >= 2, "launches ran on at least two of the rebuilt images");
            Assert.Equal(before.Append(Path.GetFileName(fixture.Log)).Distinct().Order(StringComparer.Ordinal), Entries());
        }
        finally
        {
            Volatile.Write(ref rebuilding, 0);
            fixture.Settle(File.ReadAllText(fixture.Helper)); // up to date when the spec passed: a no-op, not another build
        }
    }

    /// <summary>
    /// SIGKILL runs no handler, so what a killed rebuild leaves is its build folder as it was,
    /// whatever the step; the next build removes that folder whole. The spec kills during the
    /// precompile and object steps: killing during link or verify would cost a whole object step
    /// each (about 5 minutes of CI on 1.5.3) for the same leftover, and those two steps'
    /// interruption is proved by <c>BuildFaultSpecs.Signal_DuringTheLastSteps_...</c>.
    /// </summary>
    [FirstJuliaFact("the build's steps and their leftovers are julia-sysimage's, the same on every Julia; each object step takes minutes")]
    public async Task BackgroundRebuild_KilledDuringItsPrecompileAndObjectSteps_IsStartedAgainByTheNextLaunchAndLeavesNothingBehind()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.StandardError);
        var original = File.ReadAllText(fixture.Helper);
        var before = Entries();
        try
        {
            File.Delete(fixture.Log);
            File.WriteAllText(fixture.Helper, Helper(original, 7));
            var first = Launch();
            Assert.Contains(": rebuilding it in the background (log: ", first.StandardError, StringComparison.Ordinal);

            // A project image without a script has no trace step: precompile, then object.
            var kills = new List<string>();
            foreach (var (step, isIt) in StepProcesses)
            {
                var (sysimage, victim) = await WaitForStepAsync(step, isIt);
                var tree = ProcessTree.Descendants(sysimage);
                tree[sysimage] = ProcessTree.Stat(sysimage)!;
                Kill(sysimage); // first, so that it starts nothing more
                foreach (var pid in tree.Keys)
                {
                    Kill(pid);
                }

                var left = await ProcessTree.WaitGoneAsync(tree, TimeSpan.FromSeconds(10));
                Assert.True(left.Count == 0, $"after SIGKILL during {step}: still running {string.Join(", ", left)}");
                Assert.Single(Directory.GetDirectories(ImageDirectory, ".julia-sysimage-*")); // what the killed build left
                kills.Add($"{step} ({victim})");

                var next = Launch();
                Assert.True(next.ExitCode == 0, next.StandardError);
                Assert.Equal(Tools.DefaultImage, next.StandardOutput);
                Assert.Matches($@"^julia-net: {Regex.Escape(fixture.Image)} is out of date \(.*\): rebuilding it in the background \(log: .*\); this run uses Julia's default image\n$", next.StandardError);
            }

            var log = await Task.Run(fixture.WaitForRebuild);
            var after = Launch();

            Assert.Equal(StepProcesses.Select(s => s.Step), kills.Select(k => k.Split()[0]));
            Assert.Single(Regex.Matches(log, "^julia-sysimage: wrote ", RegexOptions.Multiline));
            Assert.True(after.ExitCode == 0, after.StandardError);
            Assert.Equal($"{fixture.Image} 7", after.StandardOutput);
            Assert.Equal("", after.StandardError);
            Assert.False(File.Exists(fixture.Record), "the successful rebuild removed the record of the killed ones");
            Assert.Equal(before.Append(Path.GetFileName(fixture.Log)).Distinct().Order(StringComparer.Ordinal), Entries());
        }
        finally
        {
            fixture.Settle(File.ReadAllText(fixture.Helper)); // up to date when the spec passed: a no-op, not another build
        }
    }

    /// <summary>The steps of the rebuild the kill spec kills during, and how to know a process of each by its command line.</summary>
    private static readonly (string Step, Func<string, bool> IsIt)[] StepProcesses =
    [
        ("precompile", cmd => cmd.Contains("/scripts/precompile.jl", StringComparison.Ordinal)),
        ("object", cmd => cmd.Contains("--output-o", StringComparison.Ordinal)),
    ];

    private BufferedCommandResult Launch() => Tools.RunLauncher(["--project", "-e", WhichImage], cwd: fixture.Project);

    /// <summary>The Helper's source with <c>generation()</c> returning <paramref name="generation"/> (one method: a second would overwrite the first).</summary>
    private static string Helper(string original, int generation) =>
        Regex.Replace(original, @"\ngeneration\(\) = \d+\n", "\n").Replace("\nend\n", $"\ngeneration() = {generation}\nend\n", StringComparison.Ordinal);

    /// <summary>The names in the image's directory, sorted.</summary>
    private string[] Entries() =>
        Directory.GetFileSystemEntries(ImageDirectory).Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal).ToArray();

    private static async Task WaitForLaunchesAsync(ConcurrentBag<BufferedCommandResult> results, int count)
    {
        var target = results.Count + count;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (results.Count < target && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Waits for the background rebuild's julia-sysimage and, below it, a process of
    /// <paramref name="step"/>: their pids and the step process's command line.
    /// </summary>
    private async Task<(int Sysimage, string Victim)> WaitForStepAsync(string step, Func<string, bool> isIt)
    {
        var deadline = DateTime.UtcNow + Tools.ImageBuildTime;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var sysimage in ProcessTree.Pids(cmd => cmd.Split(' ')[0].EndsWith("julia-sysimage", StringComparison.Ordinal) && cmd.Contains(fixture.JuliaLink, StringComparison.Ordinal)))
            {
                var below = ProcessTree.Descendants(sysimage).Keys.Select(pid => (pid, cmd: ProcessTree.CommandLine(pid))).FirstOrDefault(p => isIt(p.cmd));
                if (below.cmd is not null)
                {
                    return (sysimage, $"pid {below.pid}");
                }
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"no process of the rebuild's {step} step within {Tools.ImageBuildTime}");
    }

    private static void Kill(int pid)
    {
        try
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // gone already
        }
    }
}
