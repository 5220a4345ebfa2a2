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
            if (Change(path, fs) is { } change)
            {
                return change;
            }
        }

        return null;
    }

    /// <summary>Every change, in the order the inputs were recorded (for <c>julia-sysimage status</c>).</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyList<WatchedPath> watched, IFileProbe fs) =>
        watched.Select(path => Change(path, fs)).OfType<string>().ToList();

    /// <summary>
    /// The watched inputs as they are now (a stat each), as one hash: equal while nothing
    /// changes, different after any change. A failed background rebuild records it, so it is
    /// not tried again until an input changes again.
    /// </summary>
    public static string Fingerprint(IReadOnlyList<WatchedPath> watched, IFileProbe fs)
    {
        var text = new System.Text.StringBuilder();
        foreach (var path in watched)
        {
            text.Append(path.Path).Append('\0');
            text.Append(fs.Stamp(path.Path) is { } s ? $"{s.Size}:{s.Modified}:{(s.IsDirectory ? 'd' : 'f')}" : "-").Append('\n');
        }

        return StableHash.Hex(text.ToString());
    }

    private static string? Change(WatchedPath path, IFileProbe fs)
    {
        if (fs.Stamp(path.Path) is not { } stamp)
        {
            return $"{path.Path} was removed since it was built";
        }

        if (path.IsDirectory)
        {
            return !stamp.IsDirectory || stamp.Modified != path.Modified ? $"an entry of {path.Path} was added, removed or renamed since it was built" : null;
        }

        return stamp.IsDirectory || stamp.Size != path.Size || stamp.Modified != path.Modified ? $"{path.Path} changed since it was built" : null;
    }
}
