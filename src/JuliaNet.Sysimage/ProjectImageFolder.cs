using JuliaNet.Errors;
using JuliaNet.Paths;
using JuliaNet.Runtime;

namespace JuliaNet.Sysimage;

/// <summary>
/// The project image's own directory under julia-net's cache root (made private, like the cache's
/// other directories). It must exist before the up-to-date check, since the build lock is beside
/// the image; when the build ends it is removed again if it is empty, with every level above it
/// that this run made and left empty (<see cref="CreatedDirectories"/>): a refused, failed or
/// interrupted build leaves no empty directory. The image, or a build directory kept for its log,
/// keeps it.
/// </summary>
internal sealed class ProjectImageFolder(string image) : IDisposable
{
    private const int Attempts = 10;
    private readonly string directory = Path.GetDirectoryName(image)!;
    private readonly List<string> created = [];

    /// <summary>
    /// Makes the directory and takes the build lock in it with <paramref name="acquire"/>. A build
    /// that ends empty-handed removes the directory while another may wait for its lock: the
    /// waiter then finds the directory gone, and makes it again.
    /// </summary>
    public BuildLock? Lock(Func<BuildLock?> acquire)
    {
        for (var attempt = 1; ; attempt++)
        {
            Create();
            try
            {
                return acquire();
            }
            catch (DirectoryNotFoundException) when (attempt < Attempts)
            {
            }
        }
    }

    /// <summary>After the build lock is gone: removes the directory when empty, and the levels this run made that are left empty.</summary>
    public void Dispose()
    {
        // The image's directory is only ever julia-net's place for that image: empty, it is removed
        // even when an earlier run made it (one that failed, say, while this one waited for its lock).
        foreach (var dir in CreatedDirectories.LeftEmpty(created.Count > 0 ? created : [directory], RealFileProbe.Instance))
        {
            try
            {
                Directory.Delete(dir, recursive: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return; // something arrived in it meanwhile (another build's lock): it stays, and so do the levels above
            }
        }
    }

    private void Create()
    {
        try
        {
            PrivateDirectory.Create(directory, created);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(ExitCode.OutputInvalid, $"cannot create the project image's directory {directory} ({e.Message})");
        }
    }
}
