namespace JuliaNet.Paths;

public enum PathKind
{
    Missing,
    File,
    Directory,
    Other,
}

/// <summary>
/// The read-only questions the planners ask of the file system. The edges implement it on
/// the real file system; unit tests use an in-memory fake.
/// </summary>
public interface IFileProbe
{
    /// <summary>What is at the path, following symlinks.</summary>
    PathKind Kind(string path);

    bool IsExecutable(string path);

    /// <summary>Whether this process may create entries in the directory (access W_OK: false on a read-only file system too).</summary>
    bool IsWritable(string directory);

    /// <summary>The path with every symlink resolved, or the path itself when it cannot be resolved.</summary>
    string RealPath(string path);

    /// <summary>The target a symlink at the path points to, as written in the link (not followed); null when the path is not a symlink.</summary>
    string? LinkTarget(string path);

    /// <summary>
    /// Up to <paramref name="count"/> bytes at <paramref name="offset"/> (fewer at the end of the
    /// file), or null when it cannot be opened for reading. Like every read here, null without
    /// opening anything when the path is not a regular file (a FIFO would block the reader).
    /// </summary>
    byte[]? ReadAt(string path, long offset, int count);

    /// <summary>The whole file as UTF-8 text, or null when it does not exist, is not a regular file or cannot be read.</summary>
    string? ReadText(string path);

    /// <summary>The whole file's bytes, or null when it does not exist, is not a regular file or cannot be read.</summary>
    byte[]? ReadBytes(string path);

    /// <summary>Size and modification time of what the path names (symlinks followed; a FIFO, socket or device too: a stat never blocks on them), or null when nothing is there.</summary>
    FileStamp? Stamp(string path);

    /// <summary>
    /// Like <see cref="Stamp"/>, but of a symlink itself (its own size and modification time, as
    /// lstat gives them) rather than of its target; a broken symlink has one too.
    /// </summary>
    FileStamp? LinkStamp(string path);

    /// <summary>
    /// The entries directly in the directory (symlinks followed to reach it), without <c>.</c> and
    /// <c>..</c>, in no particular order; empty when it is not a directory or cannot be listed.
    /// </summary>
    IReadOnlyList<DirectoryEntry> Entries(string directory);
}
