using System.Diagnostics;
using System.Text.RegularExpressions;
using JuliaNet.Building;
using JuliaNet.Images;
using JuliaNet.Julia;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// The memory budget, up front (issue 21, part 4): the real julia-sysimage, with the real Julia,
/// refuses a build whose code generation cannot fit the memory (here a small
/// <c>--memory-limit</c>) before any build step starts: exit 83, one line naming the estimate
/// and the memory, and nothing written. The estimate comes from OUTPUT's previous build when
/// its metadata records one: the project image the suite already builds, whose metadata is
/// put beside a new OUTPUT (no extra image build).
/// </summary>
[Collection(ProjectImageCollection.Name)]
public sealed partial class MemoryBudgetSpecs(ProjectImageFixture fixture)
{
    [GeneratedRegex(@"^julia-sysimage: error: not enough memory to generate the image's code: it needs about (?<need>[0-9.]+ [GM]B) \((?<source>estimated for Julia (?<line>[0-9]+\.[0-9]+)|from the previous build)(?<threads>, 1 image thread)?\), and --memory-limit allows (?<limit>[0-9.]+ [GM]B); free some memory, or pass --memory-limit SIZE \(the memory the build may use; with swap, more than is available\) to try anyway\n$")]
    private static partial Regex Refusal();

    private Tools Tools => fixture.Tools;

    private bool HasImageThreads => JuliaFeatures.HasImageThreads(Tools.JuliaVersion);

    /// <summary>Runs a build into <paramref name="outDir"/> and checks it was refused as it must be: exit 83, one line, no step, nothing new or changed there.</summary>
    private Match Refused(string outDir, IReadOnlyList<string> args)
    {
        var before = Entries(outDir);
        var watch = Stopwatch.StartNew();
        var result = Tools.Run(Tools.Sysimage, args);
        watch.Stop();

        Assert.True(result.ExitCode == 83, $"exit {result.ExitCode}: {result.StandardError}");
        Assert.Equal("", result.StandardOutput);
        var refusal = Refusal().Match(result.StandardError);
        Assert.True(refusal.Success, "not the one refusal line: " + result.StandardError);
        Assert.Equal(HasImageThreads, refusal.Groups["threads"].Success);

        // Refused before any step: no progress line at all, so no object step (nor precompile)
        // ran; the probe of Julia is the only Julia process, so it is quick even on a busy machine.
        Assert.DoesNotContain("[1/", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("building", result.StandardError, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");

        // Nothing half-written: no image, no new metadata, no build directory, no lock left.
        Assert.Equal(before, Entries(outDir));
        return refusal;
    }

    private static Dictionary<string, string> Entries(string dir) =>
        Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(e => Path.GetRelativePath(dir, e), e => File.Exists(e) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(e))) : "dir");

    [Fact]
    public void Build_OneThreadDoesNotFitTheLimit_RefusedBeforeAnyStepWithTheRulesEstimate()
    {
        var project = Tools.NewDir("memory-project");
        TestProjects.Write(project, TestProjects.PackageProject(2));
        var outDir = Tools.NewDir("memory-out");

        var refusal = Refused(outDir, ["--project", project, "--script", Path.Combine(project, "precompile.jl"), "--memory-limit", "512M", Path.Combine(outDir, "sys.so")]);

        Assert.Empty(Directory.EnumerateFileSystemEntries(outDir));
        Assert.Equal(JuliaUnderTest.MajorMinor(Tools.JuliaVersion), refusal.Groups["line"].Value);
        Assert.Equal(MemorySize.Format(MemoryBudget.Rule(Tools.JuliaVersion, 1)), refusal.Groups["need"].Value);
        Assert.Equal("512 MB", refusal.Groups["limit"].Value);
    }

    [Fact]
    public void Build_PreviousBuildRecorded_EstimatesFromItsPeakAndThreads()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.StandardError);
        var recorded = ImageMetadataReader.Parse(File.ReadAllText(fixture.Image + ".json"), fixture.Image + ".json");

        // What the suite's build recorded: its peak, and its image threads (none before 1.10).
        Assert.InRange(recorded.PeakMemoryBytes ?? 0, 100L << 20, 64L << 30);
        if (HasImageThreads)
        {
            Assert.InRange(recorded.ImageThreads ?? 0, 1, Environment.ProcessorCount);
            Assert.Contains($", {MemoryBudget.ThreadCount(recorded.ImageThreads!.Value)}, about ", fixture.Build.StandardError, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(recorded.ImageThreads);
            Assert.Contains($"with Julia {Tools.JuliaVersion}, about ", fixture.Build.StandardError, StringComparison.Ordinal);
        }

        // The same project into a new OUTPUT whose metadata is that build's.
        var outDir = Tools.NewDir("memory-previous");
        var output = Path.Combine(outDir, "sys.so");
        File.Copy(fixture.Image + ".json", output + ".json");

        var refusal = Refused(outDir, ["--project", fixture.Project, "--script", Path.Combine(fixture.Project, "precompile.jl"), "--force", "--memory-limit", "1M", output]);

        Assert.Equal("from the previous build", refusal.Groups["source"].Value);
        Assert.Equal(MemorySize.Format(MemoryBudget.Estimate(Tools.JuliaVersion, "native", 1, recorded).Bytes), refusal.Groups["need"].Value);
        Assert.Equal("1 MB", refusal.Groups["limit"].Value);
    }
}
