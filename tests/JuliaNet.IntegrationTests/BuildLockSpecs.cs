using System.Diagnostics;
using System.Text;
using CliWrap;

namespace JuliaNet.IntegrationTests;

/// <summary>Two builds of one OUTPUT never run at once: the second waits for the first's lock.</summary>
[Collection(SysimageCollection.Name)]
public sealed class BuildLockSpecs(SysimageFixture image)
{
    private Tools Tools => image.Tools;

    private string LockFile => Path.Combine(Path.GetDirectoryName(image.Output)!, "." + Path.GetFileName(image.Output) + ".lock");

    [Fact]
    public async Task Build_WhileAnotherHoldsTheLock_WaitsThenFindsTheImageUpToDate()
    {
        var stderr = new StringBuilder();
        Task<CommandResult> build;
        using (new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            build = Tools.Command(image.Sysimage, ["--project", image.Project, "--script", image.Script, image.Output])
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
                .ExecuteAsync().Task;
            await Task.Delay(TimeSpan.FromSeconds(3));

            Assert.False(build.IsCompleted, "the build must wait while the lock is held: " + stderr);
            Assert.Contains($"waiting for another build of {image.Output} to finish", stderr.ToString(), StringComparison.Ordinal);
        }

        var result = await build.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("is up to date", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(LockFile), "the lock file is removed after the build");
    }

    [Fact]
    public async Task Build_AfterTheLockHolderWasKilled_ProceedsAtOnce()
    {
        File.Create(LockFile).Dispose();
        using var holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", LockFile, "sleep", "600"]))!;
        await Task.Delay(TimeSpan.FromSeconds(1));
        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();

        var watch = Stopwatch.StartNew();
        var result = Tools.Run(image.Sysimage, ["--project", image.Project, "--script", image.Script, image.Output]);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("waiting for another build", result.StandardError, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.False(File.Exists(LockFile), "the stale lock file is gone after the build");
    }
}
