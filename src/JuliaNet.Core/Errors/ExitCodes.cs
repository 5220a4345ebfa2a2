namespace JuliaNet.Errors;

/// <summary>
/// The one list of exit codes the tools return for their own errors. Julia's own exit
/// status is returned unchanged when julia-net runs a program. Documented in README.md.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A command line the tool cannot accept: unknown option, missing value.</summary>
    public const int Usage = 64;

    /// <summary>The system image does not exist.</summary>
    public const int ImageNotFound = 65;

    /// <summary>The system image exists but cannot be used: a directory, unreadable, empty, not a shared library, not a Julia image (no jl_system_image_data).</summary>
    public const int ImageUnusable = 66;

    /// <summary>No Julia executable was found.</summary>
    public const int JuliaNotFound = 67;

    /// <summary>The Julia executable is not executable, or does not run and report its version.</summary>
    public const int JuliaNotUsable = 68;

    /// <summary>The image's metadata is unreadable, or names another Julia version than the one that would run.</summary>
    public const int ImageMismatch = 69;

    /// <summary>The precompile cache directory cannot be created or is not safe to use.</summary>
    public const int CacheDirectory = 70;

    /// <summary>The operating system refused to start Julia (execv failed).</summary>
    public const int ExecFailed = 71;

    /// <summary>julia-sysimage: OUTPUT cannot be written there (ends in .a, directory missing or read-only, equal to an input).</summary>
    public const int OutputInvalid = 72;

    /// <summary>julia-sysimage: an input file or directory (script, statements, base image, project) does not exist, or an input file cannot be read when the build hashes it.</summary>
    public const int InputMissing = 73;

    /// <summary>julia-sysimage: the project has no Project.toml, its files do not parse, or a package is not in it.</summary>
    public const int ProjectInvalid = 74;

    /// <summary>julia-sysimage: no C compiler (JULIA_CC, cc, gcc, clang) was found.</summary>
    public const int NoCompiler = 75;

    /// <summary>julia-sysimage: no julia-net to record in the image.</summary>
    public const int LauncherNotFound = 76;

    /// <summary>julia-sysimage: a build step failed (its name and the log path are printed).</summary>
    public const int BuildFailed = 77;

    /// <summary>julia-net: the user config file (config.json) does not parse or holds a wrong value.</summary>
    public const int ConfigInvalid = 78;

    /// <summary>julia-net: the wrapper's place holds something that is not a julia-net wrapper (a real julia, say).</summary>
    public const int WrapperConflict = 79;

    /// <summary>julia-net: the image is out of date (a recorded input changed) and JULIA_NET_STALE (or the config's "stale") is "error".</summary>
    public const int ImageStale = 80;

    /// <summary>julia-sysimage --strict: more than 10% of the precompile statements failed to replay.</summary>
    public const int StatementsFailed = 81;

    /// <summary>
    /// juliaup's configuration cannot be used: <c>juliaup.json</c> is unreadable or is not what
    /// juliaup writes, or <c>JULIAUP_DEPOT_PATH</c> is not an absolute path. (80 and 81 are taken.)
    /// </summary>
    public const int JuliaupConfigInvalid = 82;

    /// <summary>
    /// julia-sysimage: the object step's estimated memory (one image thread) is more than the
    /// memory available, or than <c>--memory-limit</c>; refused before any build step, OUTPUT
    /// untouched (see <see cref="Building.MemoryBudget"/>).
    /// </summary>
    public const int NotEnoughMemory = 83;

    /// <summary>
    /// julia-sysimage status: the image's bytes differ from the SHA-256 recorded when it was built
    /// (damaged inside, even with its size and modification time unchanged); the error names the
    /// rebuild command. julia-net does not hash the image at launch (see <see cref="Images.ImageContentCheck"/>).
    /// </summary>
    public const int ImageDamaged = 84;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>An unexpected internal error (a bug: please report it).</summary>
    public const int Internal = 99;
}
