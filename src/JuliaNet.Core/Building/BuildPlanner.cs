using JuliaNet.Config;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Building;

/// <summary>
/// Resolves and validates julia-sysimage's command line (step 1 of a build: everything
/// that can be checked without running Julia), in the order errors are reported.
/// <paramref name="juliaInfo"/> is asked only when the project is a named environment (<c>@NAME</c>):
/// its version and depot path say where that is.
/// </summary>
public sealed class BuildPlanner(IFileProbe fs, Func<string, JuliaInfo>? juliaInfo = null)
{
    public const string LauncherName = "julia-net";

    public BuildPlan Plan(SysimageOptions options, ProcessFacts process, string toolVersion)
    {
        var output = options.Output is null ? null : Output(options.Output, process);
        var scripts = options.Scripts.Select(s => Existing(s, "script", process)).ToArray();
        var statements = options.PrecompileStatements.Select(s => Existing(s, "precompile statements file", process)).ToArray();
        var baseImage = options.BaseSysimage is null ? null : BaseImage(options.BaseSysimage, process);
        var project = ProjectDirectory(options.Project, options.Julia, process) is { } dir ? ReadProject(dir) : null;
        var own = project is null ? null : PackageSelection.OwnPackage(project, fs);
        var packages = PackageSelection.Requested(project, own, options.Packages);
        var dependencies = PackageSelection.Dependencies(project, packages);
        if (output is null && project is null)
        {
            throw new UserError(ExitCode.Usage, "no OUTPUT and no project: give OUTPUT, or --project DIR for the project's own image");
        }

        if (output is not null)
        {
            NotAnInput(output, [.. scripts, .. statements, baseImage, project?.ProjectFile, project?.ManifestFile]);
        }

        var launcher = Launcher(options.Launcher, process);
        var (compiler, compilerArgs) = CompilerLocator.Locate(process, fs);
        // A juliaup channel's binary, not juliaup's launcher, is what builds and what the metadata records.
        var julia = JuliaLocator.Locate(process, options.Julia, () => UserConfig.Load(process, fs).Julia, null, fs).Path;
        var isProjectImage = output is null;
        output ??= ProjectImageOf(project!.Directory, julia, process);
        var cpu = CpuTargets.Choose(options.CpuTarget, options.Portable);

        // The base image is not among them: InputsHash adds it, this one or Julia's default.
        List<BuildInput> inputs = [new("julia", fs.RealPath(julia), false)];
        inputs.AddRange(scripts.Select(s => new BuildInput("script", s, true)));
        inputs.AddRange(statements.Select(s => new BuildInput("precompile statements", s, true)));
        if (project is not null)
        {
            inputs.Add(new("project", project.ProjectFile, true));
            if (project.ManifestFile is not null)
            {
                inputs.Add(new("manifest", project.ManifestFile, true));
            }

            foreach (var package in packages.Concat(dependencies).Where(p => p.Path is not null))
            {
                inputs.AddRange(PackageSources(Path.GetFullPath(package.Path!, project.Directory)).Select(source => new BuildInput($"package {package.Name}", source, true)));
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["launcher"] = launcher,
            ["cpuTarget"] = cpu,
            ["packages"] = string.Join(",", packages.Select(p => p.Name + "=" + p.Uuid)),
            ["toolVersion"] = toolVersion,
        };
        var forWorkers = WorkerImage.Wanted(options.Distributed, packages);
        if (forWorkers)
        {
            // Only then: the inputs hash of an image that is not for workers stays what it was.
            values["workers"] = "yes";
        }

        return new BuildPlan
        {
            Output = output, IsProjectImage = isProjectImage, Project = project, Packages = packages, Scripts = scripts, PrecompileStatements = statements,
            BaseSysimage = baseImage, Julia = julia, Launcher = launcher, CpuTarget = cpu, Compiler = compiler, CompilerArgs = compilerArgs,
            Inputs = inputs, Values = values, Strict = options.Strict, ForWorkers = forWorkers, ImageThreads = ImageThreadsOption(options.ImageThreads),
            MemoryLimit = MemoryLimitOption(options.MemoryLimit),
            Dependencies = dependencies,
            Rebuild = RebuildCommand(options, process, isProjectImage ? null : output, project?.Directory, scripts, statements, baseImage, julia, launcher),
        };
    }

    /// <summary>
    /// The command that builds this image again, from any directory: julia-sysimage as invoked,
    /// the options the user gave, with paths made absolute (and the Julia and the project as found),
    /// formatted by <see cref="SysimageCommandLine"/>, the table the command line is parsed with.
    /// Every option is repeated (a new one too) but those that are not build inputs, cleared here.
    /// A project image (<paramref name="output"/> null) names its Julia always: the image is that Julia's.
    /// </summary>
    private static IReadOnlyList<string> RebuildCommand(
        SysimageOptions options, ProcessFacts process, string? output, string? project, IReadOnlyList<string> scripts, IReadOnlyList<string> statements,
        string? baseImage, string julia, string launcher)
    {
        var rebuild = options with
        {
            Output = output,
            Project = project,
            Scripts = scripts,
            PrecompileStatements = statements,
            BaseSysimage = baseImage,
            Julia = options.Julia is null && output is not null ? null : julia,
            Launcher = options.Launcher is null ? null : launcher,
            // Not build inputs: how this build ran (a stale image is rebuilt without --force) or reported.
            Force = false,
            PrintKey = false,
            Debug = false,
            Quiet = false,
            KeepBuildDir = false,
        };
        return [process.ProgramPath, .. SysimageCommandLine.Format(rebuild)];
    }

    private string Output(string given, ProcessFacts process)
    {
        if (given.Length == 0)
        {
            throw new UserError(ExitCode.OutputInvalid, "OUTPUT is empty");
        }

        var output = Path.GetFullPath(given, process.WorkingDirectory);
        if (output.EndsWith(".a", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserError(ExitCode.OutputInvalid, $"OUTPUT must be a shared library (sys.so), not a static archive: {output}");
        }

        if (fs.Kind(output) == PathKind.Directory)
        {
            throw new UserError(ExitCode.OutputInvalid, $"OUTPUT is a directory: {output}");
        }

        var dir = Path.GetDirectoryName(output)!;
        if (fs.Kind(dir) != PathKind.Directory)
        {
            throw new UserError(ExitCode.OutputInvalid, $"the directory of OUTPUT does not exist: {dir}");
        }

        if (!fs.IsWritable(dir))
        {
            throw new UserError(ExitCode.OutputInvalid, $"the directory of OUTPUT is not writable: {dir}");
        }

        return output;
    }

    private string Existing(string given, string what, ProcessFacts process)
    {
        var path = Path.GetFullPath(given, process.WorkingDirectory);
        return fs.Kind(path) == PathKind.File ? path : throw new UserError(ExitCode.InputMissing, $"{what} not found: {path}");
    }

    /// <summary>An existing file (73 if not) that is a Julia system image (66 if not, as julia-net says of images).</summary>
    private string BaseImage(string given, ProcessFacts process)
    {
        var path = Existing(given, "base image", process);
        ImageFile.Validate(path, fs);
        return path;
    }

    /// <summary>
    /// The project Julia would activate for --project, else JULIA_PROJECT (<see cref="ProjectLocator"/>, as julia-net
    /// finds it); with neither, the nearest upwards (<c>@.</c>): julia-sysimage builds the project it is run in.
    /// Null when none is found that way; a path or named environment with nothing there is an error (73),
    /// and so is a project that has no image to build (<c>@temp</c>, <c>@script</c>: 64).
    /// </summary>
    private string? ProjectDirectory(string? option, string? juliaOption, ProcessFacts process)
    {
        var value = ProjectLocator.Value(option, process);
        var location = ProjectLocator.Find(string.IsNullOrEmpty(value) ? ProjectLocator.Nearest : value, process, () => JuliaInfoOf(juliaOption, process), fs);
        return location.Kind switch
        {
            ProjectKind.Directory or ProjectKind.None => location.Directory,
            ProjectKind.Missing => throw new UserError(ExitCode.InputMissing, $"project directory not found: {location.Path}"),
            ProjectKind.MissingEnvironment => throw new UserError(
                ExitCode.InputMissing, $"named environment {value} not found: no environments/{Path.GetFileName(location.Path)} with a project file in any depot (Julia would make it at {location.Path})"),
            ProjectKind.Temporary => throw new UserError(
                ExitCode.Usage, $"project {value} is a new, empty environment each time Julia starts: it has no image to build (julia-net runs Julia's default image for it); give a project directory"),
            _ => throw new UserError(
                ExitCode.Usage, $"project {value} is the project of the script Julia runs, and julia-sysimage runs none: give the project directory"),
        };
    }

    private JuliaInfo JuliaInfoOf(string? juliaOption, ProcessFacts process) =>
        (juliaInfo ?? throw new InvalidOperationException("a named environment needs the Julia's version and depots: give BuildPlanner a juliaInfo"))
            .Invoke(JuliaLocator.Locate(process, juliaOption, () => UserConfig.Load(process, fs).Julia, null, fs).Path);

    /// <summary>
    /// The project image a build without OUTPUT writes for this command line's project and Julia
    /// (<c>julia-sysimage status</c> finds it so); null when no project is found.
    /// </summary>
    public string? ProjectImage(string? projectOption, string? juliaOption, ProcessFacts process)
    {
        var dir = ProjectDirectory(projectOption, juliaOption, process);
        if (dir is null)
        {
            return null;
        }

        return ProjectImageOf(dir, JuliaLocator.Locate(process, juliaOption, () => UserConfig.Load(process, fs).Julia, null, fs).Path, process);
    }

    private string ProjectImageOf(string projectDirectory, string julia, ProcessFacts process) =>
        CacheLayout.ProjectImage(CacheLayout.Root(process), fs.RealPath(projectDirectory), fs.RealPath(julia), process.Platform);

    /// <summary>The project in this directory, parsed (74 when it cannot be read or parsed).</summary>
    public JuliaProject ReadProject(string dir)
    {
        var projectFile = ProjectLocator.ProjectFile(dir, fs)
            ?? throw new UserError(ExitCode.ProjectInvalid, $"no Project.toml in project directory {dir}");
        var manifestFile = JuliaProject.ManifestFileNames.Select(n => Path.Combine(dir, n)).FirstOrDefault(p => fs.Kind(p) == PathKind.File);
        var projectText = fs.ReadText(projectFile) ?? throw new UserError(ExitCode.ProjectInvalid, $"cannot read {projectFile}");
        var manifestText = manifestFile is null ? null : fs.ReadText(manifestFile) ?? throw new UserError(ExitCode.ProjectInvalid, $"cannot read {manifestFile}");
        return JuliaProject.Parse(dir, projectFile, projectText, manifestFile, manifestText);
    }

    /// <summary>
    /// What of a package at a path goes into an image: its project file and its <c>src/</c> and
    /// <c>ext/</c> trees (not its tests, docs, or an image built inside it).
    /// </summary>
    public IEnumerable<string> PackageSources(string directory) =>
        JuliaProject.ProjectFileNames.Select(name => Path.Combine(directory, name)).Where(f => fs.Kind(f) == PathKind.File)
            .Concat(PackageCodeDirectories.Select(name => Path.Combine(directory, name)).Where(d => fs.Kind(d) == PathKind.Directory));

    /// <summary>The directories of a package that hold the code <c>using</c> loads.</summary>
    public static readonly IReadOnlyList<string> PackageCodeDirectories = ["src", "ext"];

    private static int? ImageThreadsOption(int? given) =>
        given is null or >= 1 ? given : throw new UserError(ExitCode.Usage, $"--image-threads must be at least 1, not {given}");

    private static long? MemoryLimitOption(string? given) =>
        given is null ? null : MemorySize.Parse(given) ?? throw new UserError(ExitCode.Usage, $"--memory-limit must be a size such as 4G, 512M or a number of bytes, more than 0, not '{given}'");

    private static void NotAnInput(string output, IEnumerable<string?> inputs)
    {
        if (inputs.Any(i => i == output))
        {
            throw new UserError(ExitCode.OutputInvalid, $"OUTPUT is also an input of the build: {output}");
        }
    }

    /// <summary>--launcher, else julia-net beside julia-sysimage (as invoked), else on PATH.</summary>
    private string Launcher(string? option, ProcessFacts process)
    {
        if (option is not null)
        {
            var given = Path.GetFullPath(option, process.WorkingDirectory);
            return ExecutableSearch.IsExecutableFile(given, fs)
                ? given
                : throw new UserError(ExitCode.LauncherNotFound, $"launcher not found or not executable: {given}");
        }

        var name = process.Platform == Platform.Windows ? LauncherName + ".exe" : LauncherName;
        var beside = Path.Combine(Path.GetDirectoryName(process.ProgramPath)!, name);
        if (ExecutableSearch.IsExecutableFile(beside, fs))
        {
            return beside;
        }

        return ExecutableSearch.Find(process, name, fs)
            ?? throw new UserError(ExitCode.LauncherNotFound, "no julia-net found beside julia-sysimage or on PATH: install it (dotnet tool install -g julia-net) or pass --launcher PATH");
    }
}
