namespace JuliaNet.Errors;

/// <summary>
/// The one list of exit codes the tools return for their own errors, one meaning each. Julia's
/// own exit status is returned unchanged when julia-net runs a program. The numbers are the
/// tools' interface (scripts branch on them): an existing member keeps its number, a new meaning
/// gets a new number. Each is a row of docs/guarantees.md's exit-code tables. Converted to the process's
/// int exit status in one place, <c>ToolMain</c>.
/// </summary>
public enum ExitCode
{
    /// <summary>Done: built, up to date, or the information asked for printed.</summary>
    Success = 0,

    /// <summary>A command line the tool cannot accept: unknown option, missing value.</summary>
    Usage = 64,

    /// <summary>The system image does not exist.</summary>
    ImageNotFound = 65,

    /// <summary>The system image exists but cannot be used: a directory, unreadable, empty, not a shared library, not a Julia image (no jl_system_image_data).</summary>
    ImageUnusable = 66,

    /// <summary>No Julia executable was found.</summary>
    JuliaNotFound = 67,

    /// <summary>The Julia executable is not executable, or does not run and report its version.</summary>
    JuliaNotUsable = 68,

    /// <summary>The image's metadata names another Julia version than the one that would run.</summary>
    JuliaVersionMismatch = 69,

    /// <summary>The precompile cache directory cannot be created or is not safe to use.</summary>
    CacheDirectory = 70,

    /// <summary>The operating system refused to start Julia (execv failed).</summary>
    ExecFailed = 71,

    /// <summary>julia-sysimage: OUTPUT cannot be written there (ends in .a, directory missing or read-only, equal to an input).</summary>
    OutputInvalid = 72,

    /// <summary>julia-sysimage: an input file or directory (script, statements, base image, project) does not exist, or an input file cannot be read when the build hashes it.</summary>
    InputMissing = 73,

    /// <summary>julia-sysimage: the project has no Project.toml, its files do not parse, or a package is not in it.</summary>
    ProjectInvalid = 74,

    /// <summary>julia-sysimage: no C compiler (JULIA_CC, cc, gcc, clang) was found.</summary>
    NoCompiler = 75,

    /// <summary>julia-sysimage: no julia-net to record in the image.</summary>
    LauncherNotFound = 76,

    /// <summary>julia-sysimage: a build step failed (its name and the log path are printed).</summary>
    BuildFailed = 77,

    /// <summary>julia-net: the user config file (config.json) does not parse or holds a wrong value.</summary>
    ConfigInvalid = 78,

    /// <summary>julia-net: the wrapper's place holds something that is not a julia-net wrapper (a real julia, say).</summary>
    WrapperConflict = 79,

    /// <summary>julia-net: the image is out of date (a recorded input changed) and JULIA_NET_STALE (or the config's "stale") is "error".</summary>
    ImageStale = 80,

    /// <summary>julia-sysimage --strict: more than 10% of the precompile statements failed to replay.</summary>
    StatementsFailed = 81,

    /// <summary>
    /// juliaup's configuration cannot be used: <c>juliaup.json</c> is unreadable or is not what
    /// juliaup writes, or <c>JULIAUP_DEPOT_PATH</c> is not an absolute path. (80 and 81 are taken.)
    /// </summary>
    JuliaupConfigInvalid = 82,

    /// <summary>
    /// julia-sysimage: the object step's estimated memory (one image thread) is more than the
    /// memory available, or than <c>--memory-limit</c>; refused before any build step, OUTPUT
    /// untouched (see <see cref="Building.MemoryBudget"/>).
    /// </summary>
    NotEnoughMemory = 83,

    /// <summary>
    /// The image's metadata (<c>IMAGE.json</c>) does not parse or is empty: an image asked for by
    /// name at launch, or <c>julia-sysimage status</c>. (It shared 69 with
    /// <see cref="JuliaVersionMismatch"/> before issue 30.)
    /// </summary>
    ImageMetadataInvalid = 84,

    /// <summary>
    /// julia-sysimage status: the image's bytes differ from the SHA-256 recorded when it was built
    /// (damaged inside, even with its size and modification time unchanged); the error names the
    /// rebuild command. julia-net does not hash the image at launch (see <see cref="Images.ImageContentCheck"/>).
    /// </summary>
    ImageDamaged = 85,

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    Interrupted = 130,

    /// <summary>An unexpected internal error (a bug: please report it).</summary>
    Internal = 99,
}
