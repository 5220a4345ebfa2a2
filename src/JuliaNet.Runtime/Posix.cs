using System.Runtime.InteropServices;

namespace JuliaNet.Runtime;

/// <summary>
/// The libc calls the tools make themselves. libc is always loaded, so these cost no library
/// load (Mono.Posix's would load libMonoPosixHelper); the published binaries also bind them at
/// link time on Linux (DirectPInvoke, Directory.Build.props), so no library is even looked up.
/// Their signatures are the same on every Unix; calls whose structs differ go through
/// <see cref="MacStat"/> on macOS.
/// </summary>
internal static unsafe partial class Posix
{
    public const int FileTypeMask = 0xF000; // S_IFMT
    public const int RegularFile = 0x8000; // S_IFREG
    public const int DirectoryType = 0x4000; // S_IFDIR
    public const int SymlinkType = 0xA000; // S_IFLNK

    public const int AtCurrentDirectory = -100; // AT_FDCWD
    public const int StatxSize = 256;

    // struct statx has the same layout on every Linux architecture: 256 bytes, stx_mode a
    // 16-bit field at byte 28.
    public const int StatxModeOffset = 28;

    private const int ExecuteOk = 1; // X_OK
    private const int WriteOk = 2; // W_OK
    private const uint StatxType = 0x1; // STATX_TYPE

    /// <summary>The <c>st_mode</c> of what the path names (symlinks followed), or null when it cannot be examined.</summary>
    public static int? Mode(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = stackalloc byte[StatxSize];
            return Statx(AtCurrentDirectory, path, 0, StatxType, buffer) == 0 ? *(ushort*)(buffer + StatxModeOffset) : null;
        }

        return MacStat.Read(path, followSymlink: true)?.Mode;
    }

    public static bool CanExecute(string path) => Access(path, ExecuteOk) == 0;

    public static bool CanWrite(string path) => Access(path, WriteOk) == 0;

    /// <summary>statx(2) into <paramref name="buffer"/> (<see cref="StatxSize"/> bytes; Linux only): true on success.</summary>
    public static bool Statx(int directory, string path, int flags, uint mask, Span<byte> buffer)
    {
        fixed (byte* pointer = buffer)
        {
            return Statx(directory, path, flags, mask, pointer) == 0;
        }
    }

    // struct rusage on 64-bit Linux and macOS: two struct timeval (16 bytes each), ru_maxrss (a
    // long: kilobytes on Linux, bytes on macOS), then 13 more longs: 144 bytes.
    private const int RusageSize = 144;
    private const int RusageMaxRssOffset = 32;
    private const int RusageChildren = -1; // RUSAGE_CHILDREN

    /// <summary>The largest peak resident set of the children this process has waited for (and their waited-for descendants), in bytes; null when unknown.</summary>
    public static long? ChildrenPeakResidentBytes()
    {
        if (!Environment.Is64BitProcess)
        {
            return null;
        }

        var buffer = stackalloc byte[RusageSize];
        if (GetRusage(RusageChildren, buffer) != 0)
        {
            return null;
        }

        var maxRss = *(long*)(buffer + RusageMaxRssOffset);
        return OperatingSystem.IsMacOS() ? maxRss : maxRss * 1024;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, byte* usage);

    /// <summary>Whether process <paramref name="pid"/> exists now (kill(2) with no signal: EPERM means it exists, as another user's).</summary>
    public static bool ProcessExists(int pid) => pid > 0 && (Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == PermissionDenied);

    private const int PermissionDenied = 1; // EPERM

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint EffectiveUser();

    /// <summary>The path with every symlink, <c>.</c> and <c>..</c> resolved, or null when it cannot be (e.g. it does not exist).</summary>
    public static string? RealPath(string path)
    {
        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnsetEnv(string name);

    /// <summary>
    /// execv(3): returns only on failure (-1, the error in the last P/Invoke error);
    /// <paramref name="argv"/> ends with null. Called directly rather than through Mono.Posix's
    /// <c>Syscall.execv</c>, which is this same libc call but loads libMonoPosixHelper (and with it
    /// libz, librt, libdl, libpthread) on every launch first: 0.5 ms of a 5 ms launcher run
    /// (docs/benchmarks.md, "libMonoPosixHelper load cost"), and a helper with no Apple
    /// silicon build, so one mechanism serves every Unix runtime.
    /// </summary>
    [LibraryImport("libc", EntryPoint = "execv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Execv(string path, string?[] argv);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
