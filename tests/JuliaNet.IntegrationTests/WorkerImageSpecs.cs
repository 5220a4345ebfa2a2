namespace JuliaNet.IntegrationTests;

/// <summary>
/// Images ready for Distributed's workers (<c>--distributed</c>): Distributed and the code of a
/// session with workers are in the image, on the master's side and on each worker's, so that a
/// user's session compiles a fraction of what it compiles on Julia's default image.
/// </summary>
[Collection(WorkerImageCollection.Name)]
public sealed class WorkerImageSpecs(WorkerImageFixture image)
{
    private Tools Tools => image.Tools;

    [Fact]
    public void Build_WithDistributed_WritesTheImage()
    {
        Assert.True(image.Build.ExitCode == 0, image.Build.StandardError);
    }

    [Fact]
    public void WorkerImage_AtStartup_HoldsDistributedAndThePackage()
    {
        var result = Tools.RunLauncher(
            ["--sysimage", image.Output, "--project=" + image.Project, "-e", "print(sort([id.name for id in keys(Base.loaded_modules) if id.name in (\"Distributed\", \"Work\")]))"]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("[\"Distributed\", \"Work\"]", result.StandardOutput);
    }

    [Fact]
    public void Session_WithWorkerImage_WorkersRunTheImageAndCompileAThirdOfWhatTheyDoOnTheDefaultImage()
    {
        var withImage = Session(["--sysimage", image.Output]);
        var onDefault = Session([]);

        Assert.Equal(image.Output, withImage.WorkerImage);
        Assert.True(withImage.Master < onDefault.Master, $"master compiled {withImage.Master} signatures with the image, {onDefault.Master} on the default image");
        Assert.True(withImage.Worker * 3 <= onDefault.Worker, $"worker compiled {withImage.Worker} signatures with the image, {onDefault.Worker} on the default image");
    }

    /// <summary>
    /// A user's session through julia-net: one worker (its compilations traced to a file of its
    /// own), the package loaded everywhere, a remote call with it, a pmap; the signatures each
    /// side compiled, and the image the worker runs.
    /// </summary>
    private (int Master, int Worker, string WorkerImage) Session(IReadOnlyList<string> imageArgs)
    {
        var dir = Tools.NewDir("session");
        var (master, worker) = (Path.Combine(dir, "master.txt"), Path.Combine(dir, "worker.txt"));
        var code = $$"""
            using Distributed
            p = addprocs(1; exeflags = `--trace-compile={{worker}}`)[1]
            @everywhere using Work
            remotecall_fetch(work, p, 3) == 10 || error("work")
            pmap(abs, -4:4)
            print(remotecall_fetch(() -> unsafe_string(Base.JLOptions().image_file), p))
            rmprocs(p; waitfor = 60)
            """;
        // JULIA_PROJECT, not --project: workers inherit the environment, not the master's options
        var result = Tools.RunLauncher([.. imageArgs, "--trace-compile=" + master, "-e", code], new Dictionary<string, string?> { ["JULIA_PROJECT"] = image.Project });

        Assert.True(result.ExitCode == 0, result.StandardError);
        return (File.ReadLines(master).Count(), File.ReadLines(worker).Count(), result.StandardOutput);
    }
}
