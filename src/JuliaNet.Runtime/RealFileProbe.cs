using JuliaNet.Paths;

namespace JuliaNet.Runtime;

/// <summary><see cref="IFileProbe"/> on the real file system.</summary>
public sealed class RealFileProbe : IFileProbe
{
    public static readonly RealFileProbe Instance = new();

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

    public byte[]? ReadHead(string path, int count)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            var buffer = new byte[count];
            var read = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
            return buffer[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
