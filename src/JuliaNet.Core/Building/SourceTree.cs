using JuliaNet.Paths;

namespace JuliaNet.Building;

/// <summary>
/// The entries of an input directory (a package's <c>src/</c>, say) that a build depends on: every
/// file and directory below it, in ordinal order of their paths. Symlinks are left out (and not
/// followed), and so is anything named <c>.git</c> (a repository, or a submodule's pointer file)
/// with everything below it. The input directory itself may be a symlink: it is listed through it.
/// A FIFO, socket or device is listed as such (one stat), for its name alone: callers never open it.
/// </summary>
public static class SourceTree
{
    public static IReadOnlyList<SourceEntry> Entries(string directory, IFileProbe fs)
    {
        List<SourceEntry> found = [];
        Walk(directory, fs, found);
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    private static void Walk(string directory, IFileProbe fs, List<SourceEntry> found)
    {
        foreach (var entry in fs.Entries(directory).Where(e => !e.IsSymlink && e.Name != ".git"))
        {
            var path = Path.Join(directory, entry.Name);
            // An entry gone since the listing counts as a file: hashing it then fails, naming it.
            var kind = entry.IsDirectory ? PathKind.Directory : fs.Kind(path) == PathKind.Other ? PathKind.Other : PathKind.File;
            found.Add(new SourceEntry(path, kind));
            if (entry.IsDirectory)
            {
                Walk(path, fs, found);
            }
        }
    }
}
