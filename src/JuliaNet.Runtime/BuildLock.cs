using JuliaNet.Errors;

namespace JuliaNet.Runtime;

/// <summary>
/// One build of an OUTPUT at a time: an exclusive lock on <c>.OUTPUT.lock</c> beside it (an
/// advisory flock, which .NET takes for FileShare.None on Unix). The kernel drops the lock
/// when its holder dies, so a killed build never leaves a stale lock behind. The holder
/// removes the file before it lets go; a waiter that then gets the lock on the removed
/// file sees it is no longer at the path and tries again, so two builds never hold locks
/// on two different files.
/// </summary>
public sealed class BuildLock : IDisposable
{
    private readonly FileStream stream;
    private readonly string path;

    private BuildLock(FileStream stream, string path)
    {
        this.stream = stream;
        this.path = path;
    }

    public static string PathFor(string output) => new Images.ImageFiles(output).Lock;

    /// <summary>Waits for the lock, saying once that it waits and for what.</summary>
    public static BuildLock Acquire(string output, Action<string> say)
    {
        var waited = false;
        while (true)
        {
            if (TryAcquire(output) is { } buildLock)
            {
                return buildLock;
            }

            if (!waited)
            {
                say($"julia-sysimage: waiting for another build of {output} to finish (lock {PathFor(output)})");
                waited = true;
            }

            Thread.Sleep(250);
        }
    }

    /// <summary>The lock if no other build holds it now, else null (a background rebuild then leaves the build to the other).</summary>
    public static BuildLock? TryAcquire(string output)
    {
        var path = PathFor(output);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        while (true)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, options);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new UserError(ExitCode.OutputInvalid, $"cannot open the build lock {path}: {e.Message}");
            }
            catch (IOException) when (File.Exists(path))
            {
                return null;
            }

            if (FileStatus.IsStillAt(stream, path))
            {
                return new BuildLock(stream, path);
            }

            stream.Dispose(); // the holder removed it as we opened it: try the path again
        }
    }

    /// <summary>Whether a build of OUTPUT holds its lock now (without creating the lock file).</summary>
    public static bool IsHeld(string output)
    {
        try
        {
            using var stream = new FileStream(PathFor(output), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path); // while still holding the lock (Windows cannot delete a file open like this)
        }

        stream.Dispose();
    }
}
