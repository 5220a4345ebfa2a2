using System.Runtime.InteropServices;
using JuliaNet.Paths;
using Mono.Unix.Native;

namespace JuliaNet.Runtime;

/// <summary>
/// Owner and mode of a path. On Linux through statx(2), whose struct has one layout on every
/// architecture, so the launch path loads no helper library; elsewhere through Mono.Posix.
/// </summary>
public static partial class FileStatus
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7FF;
    private const int StatxUidOffset = 20;
    private const int StatxModeOffset = 28;
    private const int StatxInodeOffset = 32;
    private const int StatxDeviceOffset = 136;
    private const int AtEmptyPath = 0x1000;
    private const int SymlinkType = 0xA000;
    private const int DirectoryType = 0x4000;
    private const int TypeMask = 0xF000;

    /// <summary>The status of the path (of the link itself when <paramref name="followSymlink"/> is false), or null when nothing is there.</summary>
    public static DirectoryStatus? Read(string path, bool followSymlink)
    {
        uint owner;
        int mode;
        if (OperatingSystem.IsLinux())
        {
            Span<byte> buffer = stackalloc byte[256];
            if (Statx(AtFdCwd, path, followSymlink ? 0 : AtSymlinkNoFollow, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
            {
                return null;
            }

            owner = BitConverter.ToUInt32(buffer[StatxUidOffset..]);
            mode = BitConverter.ToUInt16(buffer[StatxModeOffset..]);
        }
        else
        {
            var result = followSymlink ? Syscall.stat(path, out var st) : Syscall.lstat(path, out st);
            if (result != 0)
            {
                return null;
            }

            owner = st.st_uid;
            mode = (int)st.st_mode;
        }

        return new DirectoryStatus((mode & TypeMask) == SymlinkType, (mode & TypeMask) == DirectoryType, owner, mode);
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

        Span<byte> open = stackalloc byte[256];
        Span<byte> named = stackalloc byte[256];
        var fd = (int)stream.SafeFileHandle.DangerousGetHandle();
        return Statx(fd, "", AtEmptyPath, StatxBasicStats, ref MemoryMarshal.GetReference(open)) == 0
            && Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, ref MemoryMarshal.GetReference(named)) == 0
            && open.Slice(StatxInodeOffset, 8).SequenceEqual(named.Slice(StatxInodeOffset, 8))
            && open.Slice(StatxDeviceOffset, 8).SequenceEqual(named.Slice(StatxDeviceOffset, 8));
    }

    public static uint EffectiveUser() => OperatingSystem.IsLinux() ? GetEuid() : Syscall.geteuid();

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
