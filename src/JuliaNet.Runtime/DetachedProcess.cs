using System.Runtime.InteropServices;

namespace JuliaNet.Runtime;

/// <summary>
/// Starts a program that outlives this process and is not tied to its terminal or pipes:
/// posix_spawn in a new session (no Ctrl-C from the terminal, no controlling terminal), its
/// stdin from /dev/null and its stdout and stderr appended to a log file, so a caller reading
/// julia-net's output to its end never waits for it. Not waited for: julia-net execs Julia
/// right after, and the program is reaped by whoever is its parent when it ends.
/// </summary>
public static unsafe partial class DetachedProcess
{
    // Sizes of posix_spawn_file_actions_t and posix_spawnattr_t are 80 and 336 bytes on 64-bit
    // glibc and a pointer on macOS; a generous buffer serves both.
    private const int OpaqueSize = 1024;

    /// <summary>Starts <paramref name="argv"/> (<c>argv[0]</c> an absolute path); returns its pid, or the error when it could not be started.</summary>
    public static (int Pid, string? Error) Start(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, string log)
    {
        if (OperatingSystem.IsWindows())
        {
            return (0, "background rebuilds need a Unix system");
        }

        var linux = OperatingSystem.IsLinux();
        int readOnly = 0, writeOnly = 1;
        var create = linux ? 0x40 : 0x200;
        var append = linux ? 0x400 : 0x8;
        short setSession = linux ? (short)0x80 : (short)0x400; // POSIX_SPAWN_SETSID
        var actions = NativeMemory.AllocZeroed(OpaqueSize);
        var attributes = NativeMemory.AllocZeroed(OpaqueSize);
        try
        {
            Check(FileActionsInit(actions));
            Check(AddOpen(actions, 0, "/dev/null", readOnly, 0));
            Check(AddOpen(actions, 1, log, writeOnly | create | append, 0x180)); // 0600
            Check(AddDup2(actions, 1, 2));
            Check(AttributesInit(attributes));
            Check(SetFlags(attributes, setSession));
            string?[] args = [.. argv, null];
            string?[] env = [.. environment.Select(e => e.Key + "=" + e.Value), null];
            var error = Spawn(out var pid, argv[0], actions, attributes, args, env);
            return error == 0 ? (pid, null) : (0, Marshal.GetPInvokeErrorMessage(error));
        }
        finally
        {
            FileActionsDestroy(actions);
            AttributesDestroy(attributes);
            NativeMemory.Free(actions);
            NativeMemory.Free(attributes);
        }
    }

    private static void Check(int result)
    {
        if (result != 0)
        {
            throw new IOException($"posix_spawn setup failed: {Marshal.GetPInvokeErrorMessage(result)}");
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_spawn", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Spawn(out int pid, string path, void* fileActions, void* attributes, string?[] argv, string?[] envp);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static partial int FileActionsInit(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static partial int FileActionsDestroy(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int AddOpen(void* actions, int fd, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    private static partial int AddDup2(void* actions, int fd, int newFd);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    private static partial int AttributesInit(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    private static partial int AttributesDestroy(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    private static partial int SetFlags(void* attributes, short flags);

    /// <summary>Lowers this process's priority (and so its children's) by <paramref name="increment"/>, as <c>nice</c> does; best effort.</summary>
    public static void LowerPriority(int increment)
    {
        if (!OperatingSystem.IsWindows())
        {
            Marshal.SetLastPInvokeError(0);
            _ = Nice(increment);
        }
    }

    [LibraryImport("libc", EntryPoint = "nice", SetLastError = true)]
    private static partial int Nice(int increment);
}
