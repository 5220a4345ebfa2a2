namespace JuliaNet.Paths;

/// <summary>
/// An entry of a directory listing (<see cref="IFileProbe.Entries"/>): its name, whether it is a
/// directory (for a symlink: whether it points to one) and whether it is a symlink.
/// </summary>
public readonly record struct DirectoryEntry(string Name, bool IsDirectory, bool IsSymlink);
