using System.CommandLine;
using JuliaNet.Building;

namespace JuliaNet.Sysimage;

/// <summary>julia-sysimage's options; the action maps a parse result to <see cref="SysimageOptions"/>.</summary>
internal sealed class SysimageCommand : RootCommand
{
    private readonly Argument<string?> output = new("OUTPUT") { Description = "the image to write: sys.so (sys.dll on Windows, sys.dylib on macOS); without it, the project's own image, which julia-net then uses in that project with that Julia", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> project = new("--project") { Description = "the Julia project whose packages go in; a package project goes into its own image (default: JULIA_PROJECT, else the project found from the current directory)", HelpName = "DIR" };
    private readonly Option<string[]> packages = new("--package") { Description = "a package to include with what it needs (repeatable; default: the project's own package, when it is one, and its direct dependencies)", HelpName = "NAME", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> scripts = new("--script") { Description = "a precompile execution script whose compiled methods are baked in (repeatable)", HelpName = "FILE" };
    private readonly Option<string[]> statements = new("--precompile-statements") { Description = "a file of precompile(...) lines to bake in (repeatable)", HelpName = "FILE" };
    private readonly Option<string?> baseSysimage = new("--base-sysimage") { Description = "build on this image instead of Julia's default", HelpName = "PATH" };
    private readonly Option<string?> julia = new("--julia") { Description = "the Julia to build with: a path, a name on PATH, or +CHANNEL (a juliaup channel) (default: JULIA_NET_JULIA, else the julia-net config file's \"julia\", else JULIAUP_CHANNEL, else julia on PATH; juliaup's launcher is resolved to the channel's Julia, never run)", HelpName = "PATH|+CHANNEL" };
    private readonly Option<string?> launcher = new("--launcher") { Description = "the julia-net to record (default: julia-net beside julia-sysimage, else on PATH)", HelpName = "PATH" };
    private readonly Option<string?> cpuTarget = new("--cpu-target") { Description = "the CPU target of the image's code (default: native)", HelpName = "T" };
    private readonly Option<bool> portable = new("--portable") { Description = "a multi-target x86-64 image that runs on any x86-64 CPU" };
    private readonly Option<bool> force = new("--force") { Description = "rebuild even if the image is up to date" };
    private readonly Option<bool> printKey = new("--print-key") { Description = "print the key of this build's inputs (the hash the up-to-date check compares: a CI cache key) on stdout and build nothing" };
    private readonly Option<bool> debug = new("--debug") { Description = "debug log to stderr" };
    private readonly Option<bool> quiet = new("--quiet") { Description = "no progress output, only errors" };
    private readonly Option<bool> keepBuildDir = new("--keep-build-dir") { Description = "keep the build directory (its log and intermediate files)" };
    private readonly Option<bool> strict = new("--strict") { Description = $"fail (exit 81, before code generation) when more than {ObjectStepSummary.StatementWarningPercent}% of the precompile statements fail to replay; without it that is a warning" };
    private readonly Option<bool> distributed = new("--distributed") { Description = "make the image ready for Distributed's workers (local, SSH, SLURM): Distributed and the code of a real session with local workers, master's and workers' side, go in (default: when Distributed is among the packages, or a script does `using Distributed`)" };
    private readonly Option<int?> imageThreads = new("--image-threads") { Description = "threads for the image's code generation, Julia 1.10+ (default: JULIA_IMAGE_THREADS, else one per core while the estimated memory fits); lowered, with a warning, to what fits the memory", HelpName = "N" };
    private readonly Option<string?> memoryLimit = new("--memory-limit") { Description = "the memory the build may use, e.g. 4G, 512M or bytes (default: the memory available now); code generation that cannot fit it with one thread is refused before the build starts (exit 83)", HelpName = "SIZE" };

    public SysimageCommand(Func<SysimageOptions, int> build, Func<StatusRequest, int> status)
        : base("julia-sysimage: build a Julia system image with your packages baked in, recording julia-net as its launcher.")
    {
        SetAction(result => build(Read(result)));
        Subcommands.Add(StatusCommandLine(status));
        Arguments.Add(output);
        foreach (var option in new Option[] { project, packages, scripts, statements, baseSysimage, julia, launcher, cpuTarget, portable, distributed, imageThreads, memoryLimit, strict, force, printKey, debug, quiet, keepBuildDir })
        {
            Options.Add(option);
        }

        foreach (var option in new Option[] { project, packages, scripts, statements, baseSysimage, julia, launcher, cpuTarget, memoryLimit })
        {
            RequireNonEmptyValue(option);
        }
    }

    private static Command StatusCommandLine(Func<StatusRequest, int> run)
    {
        var image = new Argument<string?>("IMAGE") { Description = "the image (default: the project's own image, for the project and Julia a build without OUTPUT would use)", Arity = ArgumentArity.ZeroOrOne };
        var project = new Option<string?>("--project") { Description = "the project whose own image to report (default: JULIA_PROJECT, else the project found from the current directory)", HelpName = "DIR" };
        var julia = new Option<string?>("--julia") { Description = "the Julia whose project image to report (default: as for a build)", HelpName = "PATH|+CHANNEL" };
        var json = new Option<bool>("--json") { Description = "one JSON object instead of text" };
        var command = new Command("status", "report an image built by julia-sysimage: its Julia, CPU target, packages against the manifest now, what changed since the build, build time and memory, the rebuild command, whether its bytes are as built (SHA-256); exit 0 when up to date, 80 when out of date, 84 when damaged");
        command.Arguments.Add(image);
        foreach (var option in new Option[] { project, julia, json })
        {
            command.Options.Add(option);
        }

        RequireNonEmptyValue(project);
        RequireNonEmptyValue(julia);
        command.SetAction(result => run(new StatusRequest(result.GetValue(image), result.GetValue(project), result.GetValue(julia), result.GetValue(json))));
        return command;
    }

    /// <summary>An empty value (<c>--julia ""</c>) is a missing value, not a path or name to look up.</summary>
    private static void RequireNonEmptyValue(Option option) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Length == 0))
            {
                result.AddError($"option {option.Name} requires a value");
            }
        });

    /// <summary>
    /// An option System.CommandLine does not know is taken as OUTPUT; name it as what it is.
    /// Reads the token, not the value: with OUTPUT missing, GetValue throws.
    /// </summary>
    public string? UnknownOption(ParseResult result) =>
        result.GetResult(output) is { Tokens: [{ Value: { Length: > 1 } value }] } && value[0] == '-' ? value : null;

    public SysimageOptions Read(ParseResult result) => new()
    {
        Output = result.GetValue(output),
        Project = result.GetValue(project),
        Packages = result.GetValue(packages) ?? [],
        Scripts = result.GetValue(scripts) ?? [],
        PrecompileStatements = result.GetValue(statements) ?? [],
        BaseSysimage = result.GetValue(baseSysimage),
        Julia = result.GetValue(julia),
        Launcher = result.GetValue(launcher),
        CpuTarget = result.GetValue(cpuTarget),
        Portable = result.GetValue(portable),
        Force = result.GetValue(force),
        PrintKey = result.GetValue(printKey),
        Debug = result.GetValue(debug),
        Quiet = result.GetValue(quiet),
        KeepBuildDir = result.GetValue(keepBuildDir),
        Strict = result.GetValue(strict),
        Distributed = result.GetValue(distributed),
        ImageThreads = result.GetValue(imageThreads),
        MemoryLimit = result.GetValue(memoryLimit),
    };
}

/// <summary><c>julia-sysimage status</c>'s command line.</summary>
internal sealed record StatusRequest(string? Image, string? Project, string? Julia, bool Json);
