using System.Runtime.InteropServices;
using Mono.Unix.Native;

namespace JuliaNet.Runtime;

/// <summary>
/// stat(2) and lstat(2) on macOS, whose <c>struct stat</c> is not Linux's (Linux uses statx,
/// <see cref="Posix"/>). On Intel Macs through Mono.Posix, whose helper converts the struct
/// (its osx helper holds i386 and x86_64 code only). On Apple silicon that helper cannot load,
/// so libc is called directly: there <c>stat</c>/<c>lstat</c> are the 64-bit-inode calls and
/// the struct is Apple's <c>__DARWIN_STRUCT_STAT64</c> (sys/stat.h): <c>st_dev</c> int32 at 0,
/// <c>st_mode</c> uint16 at 4, <c>st_nlink</c> uint16 at 6, <c>st_ino</c> uint64 at 8,
/// <c>st_uid</c> uint32 at 16, 144 bytes in all. Untested here (no Mac): see docs/contributing.md, "Packages and runtimes".
/// </summary>
internal static unsafe partial class MacStat
{
    private const int StatSize = 144;
    private const int ModeOffset = 4;
    private const int OwnerOffset = 16;

    /// <summary>Mode and owner of the path (of the link itself when <paramref name="followSymlink"/> is false), or null when it cannot be examined.</summary>
    public static (int Mode, uint Owner)? Read(string path, bool followSymlink)
    {
        if (RuntimeInformation.ProcessArchitecture == Architecture.Arm64)
        {
            var buffer = stackalloc byte[StatSize];
            return (followSymlink ? Stat(path, buffer) : LinkStat(path, buffer)) == 0
                ? (*(ushort*)(buffer + ModeOffset), *(uint*)(buffer + OwnerOffset))
                : null;
        }

        MonoPosixHelper.LoadBesideExecutable();
        return (followSymlink ? Syscall.stat(path, out var st) : Syscall.lstat(path, out st)) == 0 ? ((int)st.st_mode, st.st_uid) : null;
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkStat(string path, byte* buffer);
}
