using JuliaNet.Building;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Runtime;

namespace JuliaNet.Sysimage;

/// <summary>
/// The build's private directory beside OUTPUT (same file system, so each move onto OUTPUT is a
/// rename), and what is left of it when the build ends: nothing after a success (unless
/// <c>--keep-build-dir</c>), an interruption (exit 130) or a failure to write the build's own files
/// (77); the directory with its log, less the partial object and image, when a step fails (the
/// error names the log). A build killed outright (SIGKILL, a lost machine) leaves its directory
/// too: the next build of the same OUTPUT removes every such leftover
/// (<see cref="RemoveLeftovers"/>), so they never pile up.
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

    /// <summary>
    /// Removes what earlier builds of OUTPUT left beside it: their build directories (a failed
    /// step's, with its log, lives until the next build; a killed build's, with its partial
    /// object) and temporary files of atomic writes older than an hour (a writer in flight takes
    /// milliseconds). Call it holding OUTPUT's build lock: no other build of OUTPUT runs then.
    /// Best effort: what cannot be removed now is removed by a later build.
    /// </summary>
    public static void RemoveLeftovers(string output)
    {
        var files = new ImageFiles(output);
        var parent = files.Directory;
        try
        {
            foreach (var dir in Directory.EnumerateDirectories(parent, files.BuildFolderPrefix + "*"))
            {
                TryDelete(() => Directory.Delete(dir, recursive: true));
            }

            var old = DateTime.UtcNow - TimeSpan.FromHours(1);
            foreach (var file in Directory.EnumerateFiles(parent, ".*.tmp-*").Where(file => files.IsTemporaryFile(Path.GetFileName(file)) && File.GetLastWriteTimeUtc(file) < old))
            {
                TryDelete(() => File.Delete(file));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string Create(string output)
    {
        var dir = new ImageFiles(output).BuildFolder(Guid.NewGuid().ToString("N")[..12]);
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
