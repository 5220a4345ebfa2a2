using System.CommandLine;

namespace JuliaNet.Building;

/// <summary>
/// julia-sysimage's build command line, described once: OUTPUT and the <see cref="Options"/> table.
/// The tool's parser is made from it (<see cref="AddTo"/>, <see cref="Read"/>) and <see cref="Format"/>
/// writes <see cref="SysimageOptions"/> back as arguments from the same table (the rebuild command),
/// so an option cannot be parsed and not formatted, or under another name.
/// </summary>
public sealed class SysimageCommandLine
{
    /// <summary>The options, in the order of julia-sysimage --help and of a formatted command line.</summary>
    public static IReadOnlyList<SysimageOption> Options { get; } =
    [
        SysimageOption.Single("--project", "DIR", "the Julia project whose packages go in; a package project goes into its own image (default: JULIA_PROJECT, else the project found from the current directory)", o => o.Project, (o, v) => o with { Project = v }),
        SysimageOption.Repeated("--package", "NAME", "a package to include with what it needs (repeatable; default: the project's own package, when it is one, and its direct dependencies)", o => o.Packages, (o, v) => o with { Packages = v }),
        SysimageOption.Repeated("--script", "FILE", "a precompile execution script whose compiled methods are baked in (repeatable)", o => o.Scripts, (o, v) => o with { Scripts = v }),
        SysimageOption.Repeated("--precompile-statements", "FILE", "a file of precompile(...) lines to bake in (repeatable)", o => o.PrecompileStatements, (o, v) => o with { PrecompileStatements = v }),
        SysimageOption.Single("--base-sysimage", "PATH", "build on this image instead of Julia's default", o => o.BaseSysimage, (o, v) => o with { BaseSysimage = v }),
        SysimageOption.Single("--julia", "PATH|+CHANNEL", "the Julia to build with: a path, a name on PATH, or +CHANNEL (a juliaup channel) (default: JULIA_NET_JULIA, else the julia-net config file's \"julia\", else JULIAUP_CHANNEL, else julia on PATH; juliaup's launcher is resolved to the channel's Julia, never run)", o => o.Julia, (o, v) => o with { Julia = v }),
        SysimageOption.Single("--launcher", "PATH", "the julia-net to record (default: julia-net beside julia-sysimage, else on PATH)", o => o.Launcher, (o, v) => o with { Launcher = v }),
        SysimageOption.Single("--cpu-target", "T", "the CPU target of the image's code (default: native)", o => o.CpuTarget, (o, v) => o with { CpuTarget = v }),
        SysimageOption.Flag("--portable", "a multi-target x86-64 image that runs on any x86-64 CPU", o => o.Portable, (o, v) => o with { Portable = v }),
        SysimageOption.Flag("--distributed", "make the image ready for Distributed's workers (local, SSH, SLURM): Distributed and the code of a real session with local workers, master's and workers' side, go in (default: when Distributed is among the packages, or a script does `using Distributed`)", o => o.Distributed, (o, v) => o with { Distributed = v }),
        SysimageOption.Integer("--image-threads", "N", "threads for the image's code generation, Julia 1.10+ (default: JULIA_IMAGE_THREADS, else one per core while the estimated memory fits); lowered, with a warning, to what fits the memory", o => o.ImageThreads, (o, v) => o with { ImageThreads = v }),
        SysimageOption.Single("--memory-limit", "SIZE", "the memory the build may use, e.g. 4G, 512M or bytes (default: the memory available now); code generation that cannot fit it with one thread is refused before the build starts (exit 83)", o => o.MemoryLimit, (o, v) => o with { MemoryLimit = v }),
        SysimageOption.Flag("--strict", $"fail (exit 81, before code generation) when more than {ObjectStepSummary.StatementWarningPercent}% of the precompile statements fail to replay; without it that is a warning", o => o.Strict, (o, v) => o with { Strict = v }),
        SysimageOption.Flag("--force", "rebuild even if the image is up to date", o => o.Force, (o, v) => o with { Force = v }),
        SysimageOption.Flag("--print-key", "print the key of this build's inputs (the hash the up-to-date check compares: a CI cache key) on stdout and build nothing", o => o.PrintKey, (o, v) => o with { PrintKey = v }),
        SysimageOption.Flag("--debug", "debug log to stderr", o => o.Debug, (o, v) => o with { Debug = v }),
        SysimageOption.Flag("--quiet", "no progress output, only errors", o => o.Quiet, (o, v) => o with { Quiet = v }),
        SysimageOption.Flag("--keep-build-dir", "keep the build directory (its log and intermediate files)", o => o.KeepBuildDir, (o, v) => o with { KeepBuildDir = v }),
    ];

    private readonly Argument<string?> output = new("OUTPUT") { Description = "the image to write: sys.so (sys.dll on Windows, sys.dylib on macOS); without it, the project's own image, which julia-net then uses in that project with that Julia", Arity = ArgumentArity.ZeroOrOne };
    private readonly IReadOnlyList<(SysimageOption Row, Option Option)> options = [.. Options.Select(row => (row, row.CreateOption()))];

    /// <summary>
    /// The arguments that give <paramref name="options"/> (julia-sysimage's command line without
    /// the program): the options in table order, each only when it differs from its default, then OUTPUT.
    /// </summary>
    public static IReadOnlyList<string> Format(SysimageOptions options) =>
        [.. Options.SelectMany(row => row.Format(options)), .. options.Output is { } output ? [output] : Array.Empty<string>()];

    /// <summary>Adds OUTPUT and the options to <paramref name="command"/> (this instance's, to read its parse results).</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(output);
        foreach (var (_, option) in options)
        {
            command.Options.Add(option);
        }
    }

    public SysimageOptions Read(ParseResult result) =>
        options.Aggregate(new SysimageOptions { Output = result.GetValue(output) }, (read, o) => o.Row.Read(result, o.Option, read));

    /// <summary>
    /// An option System.CommandLine does not know is taken as OUTPUT; name it as what it is.
    /// Reads the token, not the value: with OUTPUT missing, GetValue throws.
    /// </summary>
    public string? UnknownOption(ParseResult result) =>
        result.GetResult(output) is { Tokens: [{ Value: { Length: > 1 } value }] } && value[0] == '-' ? value : null;

    /// <summary>An empty value (<c>--julia ""</c>) is a missing value, not a path or name to look up.</summary>
    public static TOption RequireNonEmptyValue<TOption>(TOption option)
        where TOption : Option
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Length == 0))
            {
                result.AddError($"option {option.Name} requires a value");
            }
        });
        return option;
    }
}
