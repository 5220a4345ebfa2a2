using JuliaNet.Config;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Julia;
using JuliaNet.Learning;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Launching;

/// <summary>
/// Turns julia-net's command line, environment and file-system facts into a
/// <see cref="LaunchPlan"/>. Pure apart from the two questions it is given: the file probe
/// and what a Julia binary reports of itself (cached by the caller), and, when learning is on, what
/// a project's store holds once its finished runs are merged (null: the store cannot be written).
/// </summary>
public sealed class LaunchPlanner(IFileProbe fs, Func<string, JuliaInfo> juliaInfo, Func<ImageFiles, long, LearnedState?>? learned = null)
{
    public const string NativeCpuTarget = "native";

    public LaunchPlan Plan(ProcessFacts process, LauncherOptions options)
    {
        var julia = JuliaArgumentScanner.Scan(options.JuliaArgs);
        var config = new Lazy<UserConfig>(() => UserConfig.Load(process, fs));
        var (image, facts, source) = RequestedImage(process, julia.Image, config);
        var choice = JuliaLocator.Locate(process, options.Julia, () => config.Value.Julia, facts?.Julia, fs, options.Channel);
        if (choice.Args.Count > 0)
        {
            // A juliaup channel's arguments come before the user's, as juliaup's launcher passes
            // them: read together, the last -J and any -C among them count.
            var withChannel = JuliaArgumentScanner.Scan([.. choice.Args, .. options.JuliaArgs]);
            if (withChannel.Image != julia.Image)
            {
                (image, facts, source) = RequestedImage(process, withChannel.Image, config);
            }

            julia = withChannel;
        }

        var juliaPath = choice.Path;
        var info = juliaInfo(juliaPath);
        var cacheRoot = CacheLayout.Root(process);
        string? project = null, warning = null;
        ProjectImage? projectImage = null;
        if (image is null)
        {
            (image, facts, source, project, warning, projectImage) = ImageForProject(process, julia.Project, juliaPath, info, cacheRoot);
        }

        if (facts?.Version is { } built && built != info.Version)
        {
            throw new UserError(
                ExitCode.JuliaVersionMismatch,
                $"image {image} was built by Julia {built} but {juliaPath} ({Describe(choice)}) is Julia {info.Version}; rebuild the image or pass --julia with Julia {built}");
        }

        StaleOutcome? stale = null;
        if (facts is { Watch.Count: > 0 } && !DepotLayout.IsChildLaunch(process, cacheRoot)
            && StaleModes.Choose(process.Env(EnvironmentVariables.Stale), () => config.Value.Stale, source == ImageSource.Project) is var mode and not StaleMode.Ignore)
        {
            var change = StaleCheck.FirstChange(facts.Watch, fs);
            stale = StaleOutcome.Of(mode, image, change, facts.Rebuild, () => Rebuild(image, facts, change!));
            if (stale is StaleOutcome.PassedOver)
            {
                ImageFile.Validate(info.DefaultImage, fs);
                (image, source) = (info.DefaultImage, ImageSource.JuliaDefault);
            }
        }

        var learning = projectImage is null || DepotLayout.IsChildLaunch(process, cacheRoot) || julia.TraceCompile || process.ProcessId <= 0
            ? null
            : Learn(process, projectImage, project!, juliaPath, source, facts, stale, config);
        var userDepots = DepotLayout.UserDepots(process, info, cacheRoot);
        var cacheDepot = CacheLayout.DepotFor(cacheRoot, process.ProgramPath, image, userDepots[0]);
        var depotPath = DepotLayout.JuliaDepotPath(cacheDepot, userDepots);

        List<string> argv = [juliaPath];
        if (julia.CpuTarget is null)
        {
            argv.Add("-C" + NativeCpuTarget);
        }

        argv.Add("-J");
        argv.Add(image);
        if (learning?.RunFile is { } runFile)
        {
            argv.Add("--trace-compile=" + runFile);
        }

        argv.AddRange(julia.Rest);

        var environment = new Dictionary<string, string>(process.Environment, StringComparer.Ordinal)
        {
            [EnvironmentVariables.Launcher] = process.ProgramPath,
            [EnvironmentVariables.DepotPath] = PathList.Join(depotPath, process.Platform == Platform.Windows),
            [EnvironmentVariables.UserDepot] = userDepots[0],
        };

        return new LaunchPlan(
            juliaPath, argv, environment, process.ProgramPath, image, info.Version, julia.CpuTarget ?? NativeCpuTarget,
            cacheRoot, cacheDepot, userDepots[0], depotPath, choice.Source, choice.Juliaup?.Channel, choice.Juliaup?.ConfigFile, stale)
        {
            ImageSource = source, Project = project, ImageWarning = warning, Learning = learning,
        };
    }

    /// <summary>
    /// Learning from this run, when it is on (<see cref="LearningSettings"/>) and the store beside the
    /// project's image can be written: the run's trace file while the store is under its limit, and
    /// what to do when the store holds enough that the image lacks (<see cref="Improvement"/>): in
    /// rebuild mode (a project image's default) a background build, else one line once per image.
    /// Only for the project image in use or, when there is none yet, Julia's default image.
    /// </summary>
    private LearningPlan? Learn(
        ProcessFacts process, ProjectImage projectImage, string project, string juliaPath, ImageSource source, ImageFacts? facts, StaleOutcome? stale, Lazy<UserConfig> config)
    {
        var settings = LearningSettings.Choose(process, () => config.Value);
        if (!settings.On || learned is null)
        {
            return null;
        }

        var files = new ImageFiles(projectImage.Image);
        var store = files.Learned;
        if (learned(files, settings.LimitBytes) is not { } state)
        {
            return null;
        }

        var runFile = state.Bytes < settings.LimitBytes ? store.RunFile(process.ProcessId, process.StartedMs) : null;
        var inUse = source == ImageSource.Project && stale is null or StaleOutcome.UpToDate;
        if ((!inUse && projectImage.Exists) || !Improvement.Worth(state))
        {
            return new LearningPlan(store, runFile, state);
        }

        var mode = StaleModes.Choose(process.Env(EnvironmentVariables.Stale), () => config.Value.Stale, projectImage: true);
        var command = projectImage.Exists
            ? facts?.Rebuild ?? []
            : (IReadOnlyList<string>)[Path.Combine(Path.GetDirectoryName(process.ProgramPath) ?? "", process.Platform == Platform.Windows ? "julia-sysimage.exe" : "julia-sysimage"), "--project", project, "--julia", juliaPath];
        switch (mode)
        {
            case StaleMode.Rebuild when command.Count > 0:
                var fingerprint = (facts is null ? "" : StaleCheck.Fingerprint(facts.Watch, fs) + "|") + "learned:" + state.Statements;
                var failed = FailedRebuild(files.RebuildRecord) is { } record && record.Fingerprint == fingerprint ? record : null;
                var reason = projectImage.Exists ? RebuildReason.Improvable : RebuildReason.FirstImage;
                return new LearningPlan(store, runFile, state) { Improvement = new BackgroundRebuild(projectImage.Image, Improvement.Change(state, projectImage.Exists), command, fingerprint, failed) { Reason = reason } };
            case StaleMode.Ignore:
                return new LearningPlan(store, runFile, state);
            default:
                var line = projectImage.Exists
                    ? $"{projectImage.Image} can be made faster: {Improvement.Change(state, projectImage.Exists)}" + (command.Count > 0 ? $"; rebuild: {ShellWords.Join(command)}" : "")
                    : $"project {project} has no image for this Julia; its runs taught {state.Statements} statements to build one from: {ShellWords.Join(command)}";
                return new LearningPlan(store, runFile, state) { Warning = state.Warned ? null : line };
        }
    }

    /// <summary>
    /// The background rebuild of an out-of-date image passed over in rebuild mode, with the failed
    /// rebuild of these same inputs when there was one (then it is not started again); none when
    /// its metadata records no rebuild command.
    /// </summary>
    private BackgroundRebuild? Rebuild(string image, ImageFacts facts, string change)
    {
        if (facts.Rebuild.Count == 0)
        {
            return null;
        }

        var fingerprint = StaleCheck.Fingerprint(facts.Watch, fs);
        var failed = FailedRebuild(new ImageFiles(image).RebuildRecord) is { } record && record.Fingerprint == fingerprint ? record : null;
        return new BackgroundRebuild(image, change, facts.Rebuild, fingerprint, failed);
    }

    /// <summary>The failed rebuild recorded beside the image; null when none (an unreadable record counts as none: the next rebuild replaces it).</summary>
    private RebuildRecord? FailedRebuild(string path) =>
        fs.ReadBytes(path) is { } json && RebuildRecord.Parse(json, path, out _) is { IsFailed: true } record ? record : null;

    /// <summary>Where the Julia came from, for messages: "from PATH", "juliaup channel 1.10, from +1.10".</summary>
    private static string Describe(JuliaChoice choice) =>
        (choice.Juliaup is { } juliaup ? $"juliaup channel {juliaup.Channel}, " : "") + "from " + choice.Source.Description();

    /// <summary>
    /// The image the user asked for (validated): -J/--sysimage, else JULIA_NET_SYSIMAGE, else the
    /// user config's sysimage; null for none. And what its metadata says (the Julia that
    /// built it, the inputs to check), when it has metadata.
    /// </summary>
    private (string? Image, ImageFacts? Facts, ImageSource Source) RequestedImage(ProcessFacts process, string? fromArgs, Lazy<UserConfig> config)
    {
        if (fromArgs is { Length: 0 })
        {
            throw new UserError(ExitCode.Usage, "option -J/--sysimage requires a value");
        }

        var (requested, source) = fromArgs is not null ? (fromArgs, ImageSource.Option)
            : process.Env(EnvironmentVariables.Sysimage) is { } fromEnvironment ? (fromEnvironment, ImageSource.Environment)
            : (config.Value.Sysimage, ImageSource.ConfigFile);
        if (requested is null)
        {
            return (null, null, ImageSource.JuliaDefault);
        }

        var image = Path.GetFullPath(requested, process.WorkingDirectory);
        ImageFile.Validate(image, fs);
        return (image, Facts(image), source);
    }

    /// <summary>
    /// The image's metadata, from the binary launch record beside it when that still describes
    /// the metadata file (no JSON read), else from the JSON; null when the image has none.
    /// </summary>
    private ImageFacts? Facts(string image)
    {
        var metadataPath = new ImageFiles(image).Metadata;
        if (fs.Kind(metadataPath) != PathKind.File)
        {
            return null;
        }

        if (LaunchRecord.ReadCurrent(image, fs) is { } facts)
        {
            return facts;
        }

        var json = fs.ReadBytes(metadataPath);
        return json is null ? null : ImageMetadataReader.ReadForLaunch(json, metadataPath);
    }

    /// <summary>
    /// When no image was asked for: the image built for the project Julia activates
    /// (<see cref="ProjectLocator"/>; none for <c>@temp</c> and <c>@script</c>) and this Julia (a few stats), if there is one and this Julia's version built it; else Julia's
    /// default image. A project image of another version (Julia replaced in place) is passed
    /// over with a warning, since nobody asked for it by name.
    /// </summary>
    private (string Image, ImageFacts? Facts, ImageSource Source, string? Project, string? Warning, ProjectImage? ProjectImage) ImageForProject(
        ProcessFacts process, string? projectOption, string juliaPath, JuliaInfo info, string cacheRoot)
    {
        var project = ProjectLocator.Locate(projectOption, process, () => info, fs).Directory;
        if (project is not null)
        {
            var image = CacheLayout.ProjectImage(cacheRoot, fs.RealPath(project), fs.RealPath(juliaPath), process.Platform);
            var exists = fs.Kind(image) != PathKind.Missing;
            var own = new ProjectImage(image, exists);
            if (exists)
            {
                ImageFile.Validate(image, fs);
                ImageFacts? facts;
                try
                {
                    facts = Facts(image);
                }
                catch (UserError e) when (e.ExitCode == ExitCode.ImageMetadataInvalid)
                {
                    // Nobody named this image: its unreadable record costs the launch nothing but the image.
                    ImageFile.Validate(info.DefaultImage, fs);
                    return (info.DefaultImage, null, ImageSource.JuliaDefault, project,
                        $"{e.OneLine}: running Julia's default image; rebuild the project's image: julia-sysimage --project {ShellWords.Quote(project)} --julia {ShellWords.Quote(juliaPath)}", own);
                }

                if (facts?.Version is not { } built || built == info.Version)
                {
                    return (image, facts, ImageSource.Project, project, null, own);
                }

                var warning = $"the image of project {project} ({image}) was built by Julia {built}, but {juliaPath} is now Julia {info.Version}: running Julia's default image" +
                    (facts.Rebuild.Count > 0 ? $"; rebuild: {ShellWords.Join(facts.Rebuild)}" : "");
                ImageFile.Validate(info.DefaultImage, fs);
                return (info.DefaultImage, null, ImageSource.JuliaDefault, project, warning, own);
            }

            ImageFile.Validate(info.DefaultImage, fs);
            return (info.DefaultImage, null, ImageSource.JuliaDefault, project, null, own);
        }

        ImageFile.Validate(info.DefaultImage, fs);
        return (info.DefaultImage, null, ImageSource.JuliaDefault, project, null, null);
    }
}

/// <summary>The image julia-sysimage builds for the project Julia activates and this Julia, and whether it is there.</summary>
internal sealed record ProjectImage(string Image, bool Exists);
