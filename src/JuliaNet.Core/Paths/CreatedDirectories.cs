namespace JuliaNet.Paths;

/// <summary>
/// What to remove, when a run ends, of the directories it created for what it was to write: the
/// levels it leaves empty, innermost first. A failed or refused run then leaves no empty
/// directory behind; a level that holds anything else (the image, a build directory kept for its
/// log, another run's lock) stays, and so does every level above it.
/// </summary>
public static class CreatedDirectories
{
    /// <param name="levels">A chain of directories, outermost first, each the parent of the next (as a run created them).</param>
    /// <returns>Innermost first: each holds nothing but the level removed before it.</returns>
    public static IReadOnlyList<string> LeftEmpty(IReadOnlyList<string> levels, IFileProbe fs)
    {
        List<string> empty = [];
        foreach (var dir in levels.Reverse())
        {
            if (fs.Kind(dir) == PathKind.Missing)
            {
                continue; // removed already: the level above may still be empty
            }

            var holdsOnlyRemoved = fs.Kind(dir) == PathKind.Directory && fs.LinkTarget(dir) is null
                && fs.Entries(dir).All(e => e.IsDirectory && !e.IsSymlink && empty.Contains(Path.Join(dir, e.Name)));
            if (!holdsOnlyRemoved)
            {
                break;
            }

            empty.Add(dir);
        }

        return empty;
    }
}
