using System.IO.Enumeration;
using JuliaNet.Paths;

namespace JuliaNet.Runtime;

/// <summary><see cref="IFileProbe"/> on the real file system.</summary>
public sealed class RealFileProbe : IFileProbe
{
    public static readonly RealFileProbe Instance = new();

    /// <summary>One level, every entry (hidden ones too); a directory below that cannot be read is no error.</summary>
    private static readonly EnumerationOptions OneLevel = new() { AttributesToSkip = 0 };

    public PathKind Kind(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path) ? PathKind.Directory : File.Exists(path) ? PathKind.File : PathKind.Missing;
        }

        return (Posix.Mode(path) & Posix.FileTypeMask) switch
        {
            null => PathKind.Missing,
            Posix.DirectoryType => PathKind.Directory,
            Posix.RegularFile => PathKind.File,
            _ => PathKind.Other,
        };
    }

    public bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || Posix.CanExecute(path);

    public string RealPath(string path) =>
        OperatingSystem.IsWindows() ? Path.GetFullPath(path) : Posix.RealPath(path) ?? path;

    public string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool IsWritable(string directory) =>
        OperatingSystem.IsWindows() || Posix.CanWrite(directory);

    public byte[]? ReadAt(string path, long offset, int count)
    {
        if (!IsRegularFile(path))
        {
            return null;
        }

        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[count];
            var read = 0;
            while (read < count && RandomAccess.Read(handle, buffer.AsSpan(read), offset + read) is > 0 and var n)
            {
                read += n;
            }

            return buffer[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public byte[]? ReadBytes(string path)
    {
        if (!IsRegularFile(path))
        {
            return null;
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public FileStamp? Stamp(string path) => FileStatus.Stamp(path);

    public FileStamp? LinkStamp(string path) => FileStatus.Stamp(path, followSymlink: false);

    public string? ReadText(string path)
    {
        if (!IsRegularFile(path))
        {
            return null;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the path is a regular file (symlinks followed): nothing else is opened for reading.
    /// Opening a FIFO blocks until a writer comes, and a device may never end; one stat first keeps
    /// every read through the probe from hanging on either.
    /// </summary>
    private bool IsRegularFile(string path) => Kind(path) == PathKind.File;

    public IReadOnlyList<DirectoryEntry> Entries(string directory)
    {
        try
        {
            return new FileSystemEnumerable<DirectoryEntry>(
                directory,
                (ref FileSystemEntry entry) => new DirectoryEntry(entry.FileName.ToString(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0),
                OneLevel).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
