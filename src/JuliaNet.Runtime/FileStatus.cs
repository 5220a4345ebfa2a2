using JuliaNet.Paths;

namespace JuliaNet.Runtime;

/// <summary>
/// Owner, mode and identity of a path. On Linux through statx(2) (<see cref="Posix"/>), so the
/// launch path loads no helper library; on macOS through <see cref="MacStat"/>.
/// </summary>
public static class FileStatus
{
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7FF;
    private const int StatxUidOffset = 20;
    private const int StatxInodeOffset = 32;
    private const int StatxSizeOffset = 40;
    private const int StatxMtimeOffset = 112;
    private const int StatxDeviceOffset = 136;
    private const int AtEmptyPath = 0x1000;

    /// <summary>The status of the path (of the link itself when <paramref name="followSymlink"/> is false), or null when nothing is there.</summary>
    public static DirectoryStatus? Read(string path, bool followSymlink)
    {
        uint owner;
        int mode;
        if (OperatingSystem.IsLinux())
        {
            Span<byte> buffer = stackalloc byte[Posix.StatxSize];
            if (!Posix.Statx(Posix.AtCurrentDirectory, path, followSymlink ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer))
            {
                return null;
            }

            owner = BitConverter.ToUInt32(buffer[StatxUidOffset..]);
            mode = BitConverter.ToUInt16(buffer[Posix.StatxModeOffset..]);
        }
        else if (MacStat.Read(path, followSymlink) is { } status)
        {
            (mode, owner) = status;
        }
        else
        {
            return null;
        }

        return new DirectoryStatus((mode & Posix.FileTypeMask) == Posix.SymlinkType, (mode & Posix.FileTypeMask) == Posix.DirectoryType, owner, mode);
    }

    /// <summary>
    /// Size and modification time (of a symlink's target; of the symlink itself when
    /// <paramref name="followSymlink"/> is false), or null when nothing is there. Linux: one statx(2).
    /// </summary>
    public static FileStamp? Stamp(string path, bool followSymlink = true)
    {
        if (OperatingSystem.IsLinux())
        {
            Span<byte> buffer = stackalloc byte[Posix.StatxSize];
            if (!Posix.Statx(Posix.AtCurrentDirectory, path, followSymlink ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer))
            {
                return null;
            }

            var mode = BitConverter.ToUInt16(buffer[Posix.StatxModeOffset..]);
            var modified = (BitConverter.ToInt64(buffer[StatxMtimeOffset..]) * 1_000_000_000L) + BitConverter.ToUInt32(buffer[(StatxMtimeOffset + 8)..]);
            return new FileStamp(BitConverter.ToInt64(buffer[StatxSizeOffset..]), modified, (mode & Posix.FileTypeMask) == Posix.DirectoryType);
        }

        var info = new FileInfo(path);
        if (info.Exists)
        {
            return new FileStamp(info.Length, (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100, false);
        }

        var dir = new DirectoryInfo(path);
        return dir.Exists ? new FileStamp(0, (dir.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100, true) : null;
    }

    /// <summary>
    /// Whether the open file is still the one at the path (same device and inode): false once
    /// the path was removed or replaced. Linux only; elsewhere it answers true.
    /// </summary>
    public static bool IsStillAt(FileStream stream, string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        Span<byte> open = stackalloc byte[Posix.StatxSize];
        Span<byte> named = stackalloc byte[Posix.StatxSize];
        var fd = (int)stream.SafeFileHandle.DangerousGetHandle();
        return Posix.Statx(fd, "", AtEmptyPath, StatxBasicStats, open)
            && Posix.Statx(Posix.AtCurrentDirectory, path, AtSymlinkNoFollow, StatxBasicStats, named)
            && open.Slice(StatxInodeOffset, 8).SequenceEqual(named.Slice(StatxInodeOffset, 8))
            && open.Slice(StatxDeviceOffset, 8).SequenceEqual(named.Slice(StatxDeviceOffset, 8));
    }
}
