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

    /// <summary>The system image exists but cannot be used: a directory, unreadable, empty, not a shared library.</summary>
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

    /// <summary>An unexpected internal error (a bug: please report it).</summary>
    public const int Internal = 99;
}
