using JuliaNet.Errors;
using JuliaNet.Paths;
using Serilog;

namespace JuliaNet.Runtime;

/// <summary>
/// Creates a cache depot (see <see cref="DepotLayout"/>) once: built in a private temporary
/// directory beside it and renamed into place, so concurrent launches never see half of it
/// and the first rename wins. Every level julia-net keeps caches in must be a real directory
/// of the user's, writable by no one else: a symlink or directory planted by another user is
/// refused, never followed. In steady state this is three status calls.
/// </summary>
public static class CacheDepot
{
    /// <summary>The cache root may be a symlink (to another disk, say), but what it leads to must be the user's own.</summary>
    public static void CheckRoot(string cacheRoot) => Check(cacheRoot, followSymlink: true);

    public static void Ensure(string cacheRoot, string cacheDepot, string userDepot, ILogger log)
    {
        var parent = Path.GetDirectoryName(cacheDepot)!;
        CheckRoot(cacheRoot);
        Check(parent, followSymlink: false);
        if (Check(cacheDepot, followSymlink: false))
        {
            return;
        }

        var temp = AtomicFile.TempNameBeside(cacheDepot);
        try
        {
            PrivateDirectory.Create(parent);
            PrivateDirectory.Create(temp);
            foreach (var entry in DepotLayout.LinkedEntries)
            {
                var target = Path.Combine(userDepot, entry);
                TryCreate(target, log);
                Directory.CreateSymbolicLink(Path.Combine(temp, entry), target);
            }

            PrivateDirectory.Create(Path.Combine(temp, DepotLayout.CompiledEntry));
            Directory.Move(temp, cacheDepot);
            log.Debug("created cache depot {CacheDepot} linked to {UserDepot}", cacheDepot, userDepot);
        }
        catch (IOException) when (Directory.Exists(cacheDepot))
        {
            // Another launch created it first (or someone planted it: checked below).
            Check(cacheDepot, followSymlink: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(ExitCode.CacheDirectory, $"cannot create cache directory {cacheDepot}: {e.Message}");
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    /// <summary>Whether the directory exists; an error when it exists and is not safe to use.</summary>
    private static bool Check(string path, bool followSymlink)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path);
        }

        if (FileStatus.Read(path, followSymlink) is not { } status)
        {
            return false;
        }

        return status.Problem(path, Posix.EffectiveUser()) is { } problem
            ? throw new UserError(ExitCode.CacheDirectory, $"unsafe cache directory: {problem}; julia-net will not use it (remove it, or make it yours and not writable by others)")
            : true;
    }

    /// <summary>The user's depot entry, as plain julia would create it; a failure leaves the link dangling, as julia would fail too.</summary>
    private static void TryCreate(string directory, ILogger log)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Debug("could not create {Directory}: {Error}", directory, e.Message);
        }
    }
}
