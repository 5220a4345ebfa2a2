namespace JuliaNet.Sysimage;

/// <summary>The entries of an input directory (a package's src/, say) that a build depends on: every file and directory below it, in ordinal order, symlinks and .git left out.</summary>
internal static class SourceTree
{
    private static readonly EnumerationOptions Walk = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };

    public static IEnumerable<string> Entries(string directory) =>
        Directory.EnumerateFileSystemEntries(directory, "*", Walk)
            .Where(path => !$"/{Path.GetRelativePath(directory, path)}/".Contains("/.git/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<string> Files(string directory) => Entries(directory).Where(File.Exists);
}
