using JuliaNet.Building;
using JuliaNet.Errors;
using JuliaNet.Runtime;

namespace JuliaNet.Sysimage;

/// <summary>
/// The build's private directory beside OUTPUT (same file system, so each move onto OUTPUT is a
/// rename), and what is left of it when the build ends: nothing after a success (unless
/// <c>--keep-build-dir</c>), an interruption (exit 130) or a failure to write the build's own files
/// (77); the directory with its log, less the partial object and image, when a step fails (the
/// error names the log).
/// </summary>
internal static class BuildFolder
{
    public static ExitCode Run(string output, bool keepAfterSuccess, Func<BuildDirectory, ExitCode> build)
    {
        var dir = new BuildDirectory(Create(output), Path.GetExtension(output));
        ExitCode exitCode;
        try
        {
            exitCode = build(dir);
        }
        catch (OperationCanceledException)
        {
            Directory.Delete(dir.Root, recursive: true);
            throw new UserError(ExitCode.Interrupted, $"interrupted; {output} is unchanged");
        }
        catch (UserError)
        {
            // Kept: the log is in it, and the error names its path.
            DeleteQuietly(dir.Archive);
            DeleteQuietly(dir.Image);
            throw;
        }
        catch (IOException e)
        {
            // The build's own files (scripts, parameters, metadata) could not be written: a full disk, say.
            Directory.Delete(dir.Root, recursive: true);
            throw new UserError(ExitCode.BuildFailed, $"cannot write the build directory: {e.Message}; {output} is unchanged");
        }
        catch (Exception) when (!keepAfterSuccess)
        {
            Directory.Delete(dir.Root, recursive: true);
            throw;
        }

        if (!keepAfterSuccess)
        {
            Directory.Delete(dir.Root, recursive: true);
        }

        return exitCode;
    }

    private static string Create(string output)
    {
        var dir = Path.Combine(Path.GetDirectoryName(output)!, ".julia-sysimage-" + Path.GetFileName(output) + "-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            PrivateDirectory.Create(dir);
            return dir;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(ExitCode.OutputInvalid, $"cannot write in the directory of OUTPUT: {Path.GetDirectoryName(output)} ({e.Message})");
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
