using JuliaNet.Paths;
using Mono.Unix;
using Mono.Unix.Native;

namespace JuliaNet.Runtime;

/// <summary><see cref="IFileProbe"/> on the real file system.</summary>
public sealed class RealFileProbe : IFileProbe
{
    public static readonly RealFileProbe Instance = new();

    public PathKind Kind(string path)
    {
        if (Directory.Exists(path))
        {
            return PathKind.Directory;
        }

        if (!File.Exists(path))
        {
            return PathKind.Missing;
        }

        if (OperatingSystem.IsWindows())
        {
            return PathKind.File;
        }

        return Syscall.stat(path, out var st) == 0 && (st.st_mode & FilePermissions.S_IFMT) == FilePermissions.S_IFREG
            ? PathKind.File
            : PathKind.Other;
    }

    public bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || Syscall.access(path, AccessModes.X_OK) == 0;

    public string RealPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.GetFullPath(path);
        }

        try
        {
            return UnixPath.GetCompleteRealPath(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return path;
        }
    }

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
        OperatingSystem.IsWindows() || Syscall.access(directory, AccessModes.W_OK) == 0;

    public byte[]? ReadAt(string path, long offset, int count)
    {
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
