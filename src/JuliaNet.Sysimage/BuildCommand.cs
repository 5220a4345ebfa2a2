using System.Runtime.InteropServices;
using JuliaNet.Building;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Learning;
using JuliaNet.Paths;
using JuliaNet.Processes;
using JuliaNet.Runtime;

namespace JuliaNet.Sysimage;

/// <summary>
/// A build, end to end: plan and fingerprint the inputs, take the build lock, leave OUTPUT as it
/// is when it is up to date (<see cref="UpToDate"/>), plan the memory, then, in a build
/// directory (<see cref="BuildFolder"/>), run the steps (<see cref="BuildSteps"/>), write the
/// metadata and move the image and its metadata onto OUTPUT.
/// </summary>
internal static class BuildCommand
{
    public static ExitCode Run(SysimageOptions options)
    {
        var process = ThisProcess.Read();
        return BackgroundBuild.FromEnvironment(process) is { } background
            ? background.Run(() => Build(options, process, background))
            : Build(options, process, null);
    }

    /// <param name="background">Set when julia-net started this build to rebuild an out-of-date image.</param>
    private static ExitCode Build(SysimageOptions options, ProcessFacts process, BackgroundBuild? background)
    {
        var log = ToolLog.Create("julia-sysimage", options.Debug);
        var cacheRoot = CacheLayout.Root(process);
        var store = new JuliaInfoStore(cacheRoot, process.Environment, log);
        var plan = new BuildPlanner(RealFileProbe.Instance, store.Get).Plan(options, process, ToolVersion.Current);
        var julia = store.Get(plan.Julia);
        var baseImage = plan.BaseSysimage ?? julia.DefaultImage;
        var learning = Learning(plan, process);
        var learned = new ImageFiles(plan.Output).Learned;
        if (options.PrintKey)
        {
            var withLearned = learning.On ? LearnedInput.AddTo(plan, learned, LearnedStoreFiles.ReadState(learned).Statements) : plan;
            Console.Out.WriteLine(InputsHash.Of(withLearned, baseImage, julia.Version, RealFileProbe.Instance).Value);
            return ExitCode.Success;
        }

        var progress = new Progress(options.Quiet, BuildSteps.Traces(plan) ? 5 : 4);
        BuildLock? Acquire() => background is null ? BuildLock.Acquire(plan.Output, progress.Line) : BuildLock.TryAcquire(plan.Output);
        // Disposed after the lock: a build that writes no image leaves no empty project image directory.
        using var projectImageFolder = plan.IsProjectImage ? new ProjectImageFolder(plan.Output) : null;
        using var buildLock = projectImageFolder is null ? Acquire() : projectImageFolder.Lock(Acquire);
        if (buildLock is null)
        {
            progress.Line($"julia-sysimage: another build of {plan.Output} is running; this background rebuild leaves it to that one");
            return ExitCode.Success;
        }

        background?.Started();
        BuildFolder.RemoveLeftovers(plan.Output);
        if (learning.On && Directory.Exists(learned.Directory))
        {
            // Under the lock: the runs that ended are merged, and learned.jl stays as it is until the build ends.
            plan = LearnedInput.AddTo(plan, learned, LearnedStoreFiles.Merge(learned, learning.LimitBytes).Statements);
        }

        var inputs = InputsHash.Of(plan, baseImage, julia.Version, RealFileProbe.Instance);
        var previous = PreviousBuild(plan);
        if (UpToDate.Check(plan, options.Force, previous, inputs, RealFileProbe.Instance) is { } upToDate)
        {
            return LeaveAsItIs(plan, upToDate, previous!, progress);
        }

        var libraries = julia.Libraries
            ?? throw new UserError(ExitCode.JuliaNotUsable, $"julia {plan.Julia} did not report its libraries (libjulia is not among its loaded libraries)");
        // Before the build directory exists: a build that cannot fit is refused with nothing written.
        var memory = PlanMemory(plan, julia.Version, process, previous, progress);
        using var interruption = new Interruption();
        var job = new Job(plan, julia, libraries, baseImage, inputs, memory, process, cacheRoot, log, progress);
        return BuildFolder.Run(plan.Output, options.KeepBuildDir, dir => BuildImage(job, dir, interruption.Token));
    }

    /// <summary>Whether a project image's build replays what the project's runs taught (as julia-net learns: <see cref="LearningSettings"/>); never an image with an OUTPUT.</summary>
    private static LearningSettings Learning(BuildPlan plan, ProcessFacts process) =>
        plan.IsProjectImage
            ? LearnedStoreFiles.Settings(process)
            : LearningSettings.Off;

    /// <summary>What a build that runs has settled before its first step.</summary>
    private sealed record Job(
        BuildPlan Plan, JuliaInfo Julia, JuliaLibraries Libraries, string BaseImage, InputsHash Inputs, MemoryPlan Memory,
        ProcessFacts Process, string CacheRoot, Serilog.ILogger Log, Progress Progress);

    /// <summary>OUTPUT is up to date: its metadata takes the new stamps of inputs touched since, the launch record matches the metadata, and a background rebuild's record goes.</summary>
    private static ExitCode LeaveAsItIs(BuildPlan plan, UpToDate upToDate, ImageMetadata previous, Progress progress)
    {
        InstalledImage.KeepUpToDate(new ImageFiles(plan.Output), previous, upToDate.Restamped);
        progress.Line($"julia-sysimage: {plan.Output} is up to date (use --force to rebuild)");
        return ExitCode.Success;
    }

    /// <summary>The image threads the memory allows (warning when it lowers them); refuses a build that cannot fit.</summary>
    private static MemoryPlan PlanMemory(BuildPlan plan, string juliaVersion, ProcessFacts process, ImageMetadata? previous, Progress progress)
    {
        var memory = MemoryBudget.Plan(
            ImageThreads.Request(plan.ImageThreads, process.Env(EnvironmentVariables.ImageThreads)), juliaVersion, plan.CpuTarget, Environment.ProcessorCount,
            previous, plan.MemoryLimit is { } limit ? MemoryAllowance.Limit(limit) : MemoryAllowance.Available(MemoryInfo.AvailableBytes()));
        if (memory.Warning is { } lowered)
        {
            progress.Warning(lowered);
        }

        return memory;
    }

    /// <summary>The steps in the build directory, then the image, its metadata (stamps of the inputs as the build started) and the failed statements onto OUTPUT.</summary>
    private static ExitCode BuildImage(Job job, BuildDirectory dir, CancellationToken cancel)
    {
        var (plan, julia, progress, threads) = (job.Plan, job.Julia, job.Progress, job.Memory.Threads);
        var stats = job.Process.Env(EnvironmentVariables.StepStats) is { } file ? Path.GetFullPath(file, job.Process.WorkingDirectory) : null;
        using var runner = new StepRunner(dir.Log, job.Log, cancel, stats);
        progress.Line($"julia-sysimage: building {plan.Output} with Julia {julia.Version}, {job.Memory.Progress} (log: {runner.LogPath})");
        progress.Line(ObjectStepSummary.RequestedLine(plan.Packages, plan.Dependencies));
        var watch = WatchList.Collect(plan, RealFileProbe.Instance);
        var depots = DepotLayout.UserDepots(job.Process, julia, job.CacheRoot);
        WriteScripts(plan, julia, dir);
        var steps = BuildSteps.Plan(plan, julia, job.Libraries, job.BaseImage, dir, depots, job.Process.Platform, RuntimeInformation.OSArchitecture, threads, RealFileProbe.Instance);
        var report = RunSteps(steps, plan, dir, runner, progress);
        var inputs = SetAsideLearned(plan, dir, progress) ? InputsHash.Of(plan, job.BaseImage, julia.Version, RealFileProbe.Instance) : job.Inputs;
        var size = new FileInfo(dir.Image).Length;
        // Hashed here, once per build (a fraction of a second for a 200 MB image), so that status can tell a damaged image; julia-net never hashes it.
        var digest = FileDigest.Sha256(dir.Image, RealFileProbe.Instance) ?? throw new IOException($"cannot read the image just built: {dir.Image}");
        Install(plan, dir, report, new ImageMetadata
        {
            Julia = plan.Julia, JuliaVersion = julia.Version, Launcher = plan.Launcher,
            Packages = plan.Packages.Select(p => Recorded(plan, p)).ToArray(),
            Dependencies = plan.Dependencies.Select(p => Recorded(plan, p)).ToArray(),
            CpuTarget = plan.CpuTarget, BaseImage = job.BaseImage, InputsHash = inputs.Value, Inputs = inputs.PerInput,
            ToolVersion = ToolVersion.Current, BuildTime = DateTimeOffset.UtcNow, Rebuild = plan.Rebuild, Watch = watch,
            Project = plan.Project?.Directory, BuildSeconds = Math.Round(progress.Elapsed.TotalSeconds, 1), PeakMemoryBytes = MemoryInfo.ChildrenPeakBytes(),
            ImageThreads = job.Memory.HasImageThreads ? threads : null, ImageSha256 = digest,
        });
        if (LearnedInput.In(plan))
        {
            LearnedStoreFiles.Built(new ImageFiles(plan.Output).Learned);
        }

        progress.Line($"julia-sysimage: wrote {plan.Output} ({size / 1024.0 / 1024.0:0.0} MB) in {Progress.Format(progress.Elapsed)}");
        return ExitCode.Success;
    }

    /// <summary>
    /// The learned statements that failed to replay are set aside, named on stderr (the background
    /// rebuild's log); true when there were some: learned.jl changed, and with it the inputs hash.
    /// </summary>
    private static bool SetAsideLearned(BuildPlan plan, BuildDirectory dir, Progress progress)
    {
        if (!LearnedInput.In(plan) || !File.Exists(dir.FailedStatements))
        {
            return false;
        }

        var store = new ImageFiles(plan.Output).Learned;
        var setAside = LearnedStoreFiles.SetAside(store, File.ReadLines(dir.FailedStatements));
        if (setAside.Count == 0)
        {
            return false;
        }

        progress.Line($"julia-sysimage: {setAside.Count} learned statement(s) could not be replayed and are set aside, never replayed again ({store.SetAside}):");
        foreach (var statement in setAside.Take(MaxNamed))
        {
            progress.Line("  " + statement);
        }

        if (setAside.Count > MaxNamed)
        {
            progress.Line($"  and {setAside.Count - MaxNamed} more");
        }

        return true;
    }

    private const int MaxNamed = 20;

    private static ImagePackage Recorded(BuildPlan plan, ProjectPackage package) =>
        new(package.Name, package.Uuid, package.Version, package.Path is null ? null : Path.GetFullPath(package.Path, plan.Project!.Directory));

    /// <summary>Runs the steps in order, each under a progress line; the object step's report is summarised after it.</summary>
    private static BuildReport RunSteps(IReadOnlyList<BuildStep> steps, BuildPlan plan, BuildDirectory dir, StepRunner runner, Progress progress)
    {
        BuildReport? report = null;
        foreach (var step in steps)
        {
            progress.Step(step.Title, () =>
            {
                if (step.Id == BuildStepId.Object)
                {
                    report = RunObjectStep(step, runner, dir);
                }
                else
                {
                    runner.Run(step);
                }
            });
            if (step.Id == BuildStepId.Object)
            {
                Summarize(report!, plan, runner.LogPath, progress);
            }
        }

        return report ?? throw new InvalidOperationException("the build has no object step");
    }

    /// <summary>
    /// Writes the metadata in the build directory, then renames the image, the metadata and the
    /// list of failed statements onto OUTPUT (a full disk fails before anything moves).
    /// </summary>
    private static void Install(BuildPlan plan, BuildDirectory dir, BuildReport report, ImageMetadata metadata)
    {
        AtomicFile.WriteNew(dir.Metadata, ImageMetadataReader.Serialize(metadata));
        InstalledImage.Install(new ImageFiles(plan.Output), dir.Image, dir.Metadata, metadata);
        if (report.Statements is { Failed: > 0 })
        {
            File.Move(dir.FailedStatements, plan.FailedStatementsPath, overwrite: true);
        }
        else
        {
            File.Delete(plan.FailedStatementsPath); // an earlier build's list no longer applies
        }
    }

    private static void WriteScripts(BuildPlan plan, JuliaInfo julia, BuildDirectory dir)
    {
        Directory.CreateDirectory(dir.Scripts);
        foreach (var name in BuildSteps.Scripts)
        {
            File.WriteAllText(dir.Script(name), EmbeddedJulia.Read(typeof(BuildCommand).Assembly, name));
        }

        File.WriteAllText(dir.Params, BuildParams.Write(plan, julia.Stdlib, BuildSteps.Traces(plan) ? dir : null, dir.Report, dir.FailedStatements));
    }

    /// <summary>
    /// The object step, judged by its report when julia fails by itself: a Julia error, or too
    /// many failed statements under --strict (81). A line that stops the step (a method
    /// overwritten) is the cause even when the report says more: on 1.10+ Julia throws at that
    /// point, and the process is stopped while it writes the report.
    /// </summary>
    private static BuildReport RunObjectStep(BuildStep step, StepRunner runner, BuildDirectory dir)
    {
        BuildReport Report() => BuildReport.Parse(File.Exists(dir.Report) ? File.ReadAllLines(dir.Report) : []);
        runner.Run(step, tail => Report() switch
        {
            { Status: ReportStatus.Strict } failed => new UserError(ExitCode.StatementsFailed, $"{failed.Error} (--strict); the failed statements are in {dir.FailedStatements}"),
            { Status: ReportStatus.Error, Error: { Length: > 0 } error } => new UserError(ExitCode.BuildFailed, $"{step.Name}: {error} (log: {runner.LogPath})", tail),
            _ => null,
        });

        var report = Report();
        if (!File.Exists(dir.Archive) || !report.Succeeded)
        {
            throw new UserError(ExitCode.BuildFailed, $"{step.Name}: {report.Error ?? "no object written"} (log: {runner.LogPath})");
        }

        return report;
    }

    private static void Summarize(BuildReport report, BuildPlan plan, string log, Progress progress)
    {
        if (ObjectStepSummary.PackagesLine(report.Loaded) is { } packages)
        {
            progress.Line(packages);
        }

        foreach (var source in ObjectStepSummary.PackageWarnings(report.Loaded, log))
        {
            progress.Warning(source);
        }

        if (report.Statements is { Replayable: > 0 } counts)
        {
            progress.Line(ObjectStepSummary.StatementsLine(counts, counts.Failed > 0 ? plan.FailedStatementsPath : null));
        }

        if (ObjectStepSummary.StatementsWarning(report, plan.FailedStatementsPath) is { } warning)
        {
            progress.Warning(warning);
        }
    }

    /// <summary>OUTPUT's metadata (read once: its inputs hash for the up-to-date check, its stamps, the memory its build took); null when there is none or it cannot be read.</summary>
    private static ImageMetadata? PreviousBuild(BuildPlan plan)
    {
        try
        {
            return File.Exists(plan.MetadataPath) ? ImageMetadataReader.Parse(File.ReadAllText(plan.MetadataPath), plan.MetadataPath) : null;
        }
        catch (Exception e) when (e is UserError or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
