using JuliaNet.Paths;

namespace JuliaNet.Images;

/// <summary>
/// Whether an image is out of date: the first watched input whose stamp changed since the
/// build (one stat per recorded path, no hashing, no directory listing).
/// </summary>
public static class StaleCheck
{
    /// <summary>What changed (e.g. "/p/src/Heavy.jl changed since it was built"), or null when nothing did.</summary>
    public static string? FirstChange(IReadOnlyList<WatchedPath> watched, IFileProbe fs)
    {
        foreach (var path in watched)
        {
            var now = fs.Stamp(path.Path);
            if (now is not { } stamp)
            {
                return $"{path.Path} was removed since it was built";
            }

            if (path.IsDirectory)
            {
                if (!stamp.IsDirectory || stamp.Modified != path.Modified)
                {
                    return $"an entry of {path.Path} was added, removed or renamed since it was built";
                }
            }
            else if (stamp.IsDirectory || stamp.Size != path.Size || stamp.Modified != path.Modified)
            {
                return $"{path.Path} changed since it was built";
            }
        }

        return null;
    }
}
