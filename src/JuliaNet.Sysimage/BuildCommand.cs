using System.Runtime.InteropServices;
using JuliaNet.Building;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Runtime;

namespace JuliaNet.Sysimage;

/// <summary>
/// A build, end to end: plan and validate, check whether the image is up to date, then run
/// the steps (<see cref="BuildSteps"/>), write the metadata, then move the image and its
/// metadata onto OUTPUT. The build directory is private and beside OUTPUT (same file system,
/// so each move is a rename); it is removed on success and on interruption, and kept with
/// its log when a step fails.
/// </summary>
internal static class BuildCommand
{
    public static int Run(SysimageOptions options)
    {
        var context = ProcessContext.Read([]);
        return BackgroundBuild.FromEnvironment(context) is { } background
            ? background.Run(() => Build(options, context, background))
            : Build(options, context, null);
    }

    /// <param name="background">Set when julia-net started this build to rebuild an out-of-date image.</param>
    private static int Build(SysimageOptions options, LaunchContext context, BackgroundBuild? background)
    {
        var log = ToolLog.Create("julia-sysimage", options.Debug);
        var plan = new BuildPlanner(RealFileProbe.Instance).Plan(options, context, ToolVersion.Current);
        var cacheRoot = CacheLayout.Root(context);
        var julia = new JuliaInfoStore(cacheRoot, context.Environment, log).Get(plan.Julia);
        var version = julia.Version;
        var baseImage = plan.BaseSysimage ?? julia.DefaultImage;
        var (hash, inputs) = InputsHasher.Hash(plan, baseImage, version);
        if (options.PrintKey)
        {
            Console.Out.WriteLine(hash);
            return ExitCodes.Success;
        }

        var progress = new Progress(options.Quiet, plan.Scripts.Count > 0 ? 5 : 4);
        if (plan.IsProjectImage)
        {
            CreateProjectImageDirectory(plan.Output);
        }

        using var buildLock = background is null ? BuildLock.Acquire(plan.Output, progress.Line) : BuildLock.TryAcquire(plan.Output);
        if (buildLock is null)
        {
            progress.Line($"julia-sysimage: another build of {plan.Output} is running; this background rebuild leaves it to that one");
            return ExitCodes.Success;
        }

        background?.Started();
        var previous = PreviousBuild(plan);
        if (!options.Force && File.Exists(plan.Output) && previous?.InputsHash == hash)
        {
            RefreshWatchList(plan, previous);
            BackgroundBuild.Forget(plan.Output);
            progress.Line($"julia-sysimage: {plan.Output} is up to date (use --force to rebuild)");
            return ExitCodes.Success;
        }

        var libraries = julia.Libraries
            ?? throw new UserError(ExitCodes.JuliaNotUsable, $"julia {plan.Julia} did not report its libraries (libjulia is not among its loaded libraries)");
        // Before the build directory exists: a build that cannot fit is refused with nothing written.
        var memory = MemoryBudget.Plan(
            ImageThreads.Request(plan.ImageThreads, context.Env(JuliaEnvironment.ImageThreads)), version, plan.CpuTarget, Environment.ProcessorCount,
            previous, plan.MemoryLimit is { } limit ? MemoryAllowance.Limit(limit) : MemoryAllowance.Available(MemoryInfo.AvailableBytes()));
        if (memory.Warning is { } lowered)
        {
            progress.Warning(lowered);
        }

        var threads = memory.Threads;
        using var cancel = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; cancel.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cancel.Cancel(); });
        var dir = new BuildDirectory(CreateBuildDirectory(plan.Output), Path.GetExtension(plan.Output));
        var keep = options.KeepBuildDir;
        try
        {
            var stats = context.Env("JULIA_NET_STEP_STATS") is { } file ? Path.GetFullPath(file, context.WorkingDirectory) : null;
            using var runner = new StepRunner(dir.Log, log, cancel.Token, stats);
            progress.Line($"julia-sysimage: building {plan.Output} with Julia {version}, {memory.Progress} (log: {runner.LogPath})");
            progress.Line(ObjectStepSummary.RequestedLine(plan.Packages, plan.Dependencies));
            var watch = WatchList.Collect(plan);
            var depots = DepotLayout.UserDepots(context, julia, cacheRoot);
            WriteScripts(plan, julia, dir);
            var steps = BuildSteps.Plan(plan, julia, libraries, baseImage, dir, depots, context.Platform, RuntimeInformation.OSArchitecture, threads, RealFileProbe.Instance);
            var report = RunSteps(steps, plan, dir, runner, progress);
            var size = new FileInfo(dir.Image).Length;
            Install(plan, dir, report, new ImageMetadata
            {
                Julia = plan.Julia, JuliaVersion = version, Launcher = plan.Launcher,
                Packages = plan.Packages.Select(p => Recorded(plan, p)).ToArray(),
                Dependencies = plan.Dependencies.Select(p => Recorded(plan, p)).ToArray(),
                CpuTarget = plan.CpuTarget, BaseImage = baseImage, InputsHash = hash, Inputs = inputs,
                ToolVersion = ToolVersion.Current, BuildTime = DateTimeOffset.UtcNow, Rebuild = plan.Rebuild, Watch = watch,
                Project = plan.Project?.Directory, BuildSeconds = Math.Round(progress.Elapsed.TotalSeconds, 1), PeakMemoryBytes = MemoryInfo.ChildrenPeakBytes(),
                ImageThreads = memory.HasImageThreads ? threads : null,
            });
            progress.Line($"julia-sysimage: wrote {plan.Output} ({size / 1024.0 / 1024.0:0.0} MB) in {Progress.Format(progress.Elapsed)}");
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            keep = false;
            throw new UserError(ExitCodes.Interrupted, $"interrupted; {plan.Output} is unchanged");
        }
        catch (UserError)
        {
            keep = true; // the log is in the build directory, whose path the error names
            DeleteQuietly(dir.Archive);
            DeleteQuietly(dir.Image);
            throw;
        }
        catch (IOException e)
        {
            keep = false; // the build's own files (scripts, parameters, metadata) could not be written: a full disk, say
            throw new UserError(ExitCodes.BuildFailed, $"cannot write the build directory: {e.Message}; {plan.Output} is unchanged");
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(dir.Root, recursive: true);
            }
        }
    }

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
                if (step.Name == BuildSteps.Object)
                {
                    report = RunObjectStep(step, runner, dir);
                }
                else
                {
                    runner.Run(step);
                }
            });
            if (step.Name == BuildSteps.Object)
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
        File.Move(dir.Image, plan.Output, overwrite: true);
        File.Move(dir.Metadata, plan.MetadataPath, overwrite: true);
        BackgroundBuild.Forget(plan.Output); // a failed background rebuild no longer applies
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

        File.WriteAllText(dir.Params, BuildParams.Write(plan, julia.Stdlib, plan.Scripts.Count > 0 ? dir : null, dir.Report, dir.FailedStatements));
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
            { Status: "strict" } failed => new UserError(ExitCodes.StatementsFailed, $"{failed.Error} (--strict); the failed statements are in {dir.FailedStatements}"),
            { Status: "error", Error: { Length: > 0 } error } => new UserError(ExitCodes.BuildFailed, $"object: {error} (log: {runner.LogPath})", tail),
            _ => null,
        });

        var report = Report();
        if (!File.Exists(dir.Archive) || !report.Succeeded)
        {
            throw new UserError(ExitCodes.BuildFailed, $"object: {report.Error ?? "no object written"} (log: {runner.LogPath})");
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

    /// <summary>
    /// The inputs hash to what the image was built from, but some were touched since (a stamp
    /// changed, not the content): the metadata takes the new stamps, so julia-net no longer
    /// calls the image out of date (and, in rebuild mode, does not start a rebuild at every launch).
    /// </summary>
    private static void RefreshWatchList(BuildPlan plan, ImageMetadata metadata)
    {
        if (StaleCheck.FirstChange(metadata.Watch, RealFileProbe.Instance) is not null)
        {
            AtomicFile.WriteAllText(plan.MetadataPath, ImageMetadataReader.Serialize(metadata with { Watch = WatchList.Collect(plan) }));
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

    /// <summary>The project image's own directory under julia-net's cache root (made private, like the cache's other directories).</summary>
    private static void CreateProjectImageDirectory(string image)
    {
        var dir = Path.GetDirectoryName(image)!;
        try
        {
            PrivateDirectory.Create(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(ExitCodes.OutputInvalid, $"cannot create the project image's directory {dir} ({e.Message})");
        }
    }

    private static string CreateBuildDirectory(string output)
    {
        var dir = Path.Combine(Path.GetDirectoryName(output)!, ".julia-sysimage-" + Path.GetFileName(output) + "-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            PrivateDirectory.Create(dir);
            return dir;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(ExitCodes.OutputInvalid, $"cannot write in the directory of OUTPUT: {Path.GetDirectoryName(output)} ({e.Message})");
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
