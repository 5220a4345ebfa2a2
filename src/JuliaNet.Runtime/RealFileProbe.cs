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
