using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CliWrap;

namespace JuliaNet.IntegrationTests;

/// <summary>julia-sysimage, as installed from its package, building one real image that julia-net then runs.</summary>
[Collection(SysimageCollection.Name)]
public sealed class SysimageSpecs(SysimageFixture image)
{
    private Tools Tools => image.Tools;

    [Fact]
    public void Build_ExampleProject_SucceedsAndWritesImageAndMetadata()
    {
        Assert.True(image.Build.ExitCode == 0, image.Build.StandardError);
        Assert.True(new FileInfo(image.Output).Length > 1_000_000);
        var metadata = File.ReadAllText(image.Output + ".json");
        Assert.Contains($"\"juliaVersion\": \"{Tools.JuliaVersion}\"", metadata, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Greeter\"", metadata, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(image.Output)!, ".julia-sysimage-*"));
    }

    [Fact]
    public void Build_ExampleProject_SaysWhatWentInAndWhereFromAndWarnsOfNothing()
    {
        var stderr = image.Build.StandardError;

        Assert.Contains("  packages: Greeter; with their dependencies: Printf, Unicode\n", stderr, StringComparison.Ordinal);
        string[] dependencies = ["Printf", "Unicode"]; // in Julia's own image up to 1.10, not from 1.11
        var inJuliasImage = dependencies.Where(Tools.InDefaultImage).ToArray();
        Dictionary<string, string[]> expected = new() { ["from precompile caches"] = [.. dependencies.Except(inJuliasImage).Append("Greeter").Order(StringComparer.Ordinal)] };
        if (inJuliasImage.Length > 0)
        {
            expected["already in the base image"] = inJuliasImage;
        }

        var line = stderr.Split('\n').Single(l => l.StartsWith("  packages from ", StringComparison.Ordinal));
        var groups = line["  packages ".Length..].Split("; ").Select(g => g.Split(": ", 2))
            .ToDictionary(g => g[0], g => g[1].Split(", ").Order(StringComparer.Ordinal).ToArray());
        static string Show(Dictionary<string, string[]> d) =>
            string.Join("; ", d.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + ": " + string.Join(", ", g.Value)));
        Assert.Equal(Show(expected), Show(groups));
        Assert.Matches(@"\n  precompile statements: (\d+) of \1 replayed\n", stderr);
        Assert.DoesNotContain("warning", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void JuliaCmd_InsideImage_StartsWithLauncherAndImage()
    {
        var result = Tools.RunLauncher(["--sysimage", image.Output, "-e", "print(Base.julia_cmd())"]);

        Assert.Equal($"`{Tools.Launcher} {Tools.CpuNative} -J{image.Output} -g1`", result.StandardOutput);
    }

    [Fact]
    public void LauncherVariable_AtRunTime_OverridesRecordedPath()
    {
        var result = Tools.RunJulia(["-J", image.Output, "-e", "print(Base.julia_cmd().exec[1])"], new Dictionary<string, string?> { ["JULIA_NET_LAUNCHER"] = "/moved/julia-net" });

        Assert.Equal("/moved/julia-net", result.StandardOutput);
    }

    [Fact]
    public void Package_InImage_LoadsWithoutPrecompilingAndFirstResultIsTenTimesFaster()
    {
        var ratio = FirstCall.Speedup(Tools, image.Project, "Greeter", image.Output);

        Assert.True(ratio >= 10, $"first result only {ratio:0.0}x faster with the image");
    }

    [Fact]
    public void DistributedWorker_FromImage_StartsThroughLauncherWithSameImage()
    {
        var result = Tools.RunLauncher(
            ["--sysimage", image.Output, "-e", "using Distributed; p = addprocs(1)[1]; print(remotecall_fetch(() -> (string(Base.julia_cmd()), unsafe_string(Base.JLOptions().image_file), ENV[\"JULIA_NET_LAUNCHER\"]), p))"]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains($"`{Tools.Launcher} {Tools.CpuNative} -J{image.Output}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"\"{image.Output}\", \"{Tools.Launcher}\")", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OfUserProject_LeavesProjectFilesUnchanged()
    {
        Assert.Equal(image.ProjectFilesBefore, image.HashProjectFiles());
    }

    [Fact]
    public void SecondBuild_WithUnchangedInputs_IsUpToDateWithinASecondWithoutProbingJulia()
    {
        var watch = Stopwatch.StartNew();
        var result = Tools.Run(image.Sysimage, ["--project", image.Project, "--script", image.Script, image.Output]);
        watch.Stop();
        // Its debug log says where the Julia's facts came from (a second run: the timing above is without it).
        var debug = Tools.Run(image.Sysimage, ["--project", image.Project, "--script", image.Script, image.Output, "--debug"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("is up to date", result.StandardError, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.True(debug.ExitCode == 0, debug.StandardError);
        Assert.Contains("julia info from cache ", debug.StandardError, StringComparison.Ordinal); // the first build's probe, shared with julia-net
        Assert.DoesNotContain("probing ", debug.StandardError, StringComparison.Ordinal); // read, not probed again
    }

    [Fact]
    public async Task ChangedScript_Rebuilds_AndSigtermLeavesOutputUnchangedAndNoBuildDirectory()
    {
        var script = Path.Combine(Tools.NewDir("changed"), "precompile.jl");
        File.WriteAllText(script, File.ReadAllText(image.Script) + "\nprintln(\"changed\")\n");
        var before = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(image.Output)));
        var started = new TaskCompletionSource();
        var command = Tools.Command(image.Sysimage, ["--project", image.Project, "--script", script, image.Output])
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line =>
            {
                if (line.Contains("record precompile statements", StringComparison.Ordinal))
                {
                    started.TrySetResult();
                }
            }));
        var task = command.ExecuteAsync();

        await started.Task.WaitAsync(TimeSpan.FromMinutes(1));
        using var kill = Process.Start("kill", ["-TERM", task.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        var result = await task;

        Assert.Equal(130, result.ExitCode);
        Assert.Equal(before, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(image.Output))));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(image.Output)!, ".julia-sysimage-*"));
    }
}
