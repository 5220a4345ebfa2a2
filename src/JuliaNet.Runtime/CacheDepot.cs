using JuliaNet.Errors;
using JuliaNet.Paths;
using Serilog;

namespace JuliaNet.Runtime;

/// <summary>
/// Creates a cache depot (see <see cref="DepotLayout"/>) once: built in a private temporary
/// directory beside it and renamed into place, so concurrent launches never see half of it
/// and the first rename wins. In steady state this is one directory check.
/// </summary>
public static class CacheDepot
{
    public static void Ensure(string cacheDepot, string userDepot, ILogger log)
    {
        if (Directory.Exists(cacheDepot))
        {
            return;
        }

        var parent = Path.GetDirectoryName(cacheDepot)!;
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
            // Another launch created it first.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(ExitCodes.CacheDirectory, $"cannot create cache directory {cacheDepot}: {e.Message}");
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
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
