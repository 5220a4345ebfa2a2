using System.Runtime.InteropServices;
using Mono.Unix.Native;

namespace JuliaNet.Runtime;

/// <summary>
/// Loads Mono.Posix's native helper from beside this executable, where the build puts it.
/// Mono.Posix asks for "MonoPosixHelper", a name the default search looks for in every
/// system library directory before trying the file next to the binary.
/// </summary>
internal static class MonoPosixHelper
{
    private static int resolverSet;

    /// <summary>Call before the first use of Mono.Posix (its classes load the helper when first touched).</summary>
    public static void LoadBesideExecutable()
    {
        if (Interlocked.Exchange(ref resolverSet, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(Syscall).Assembly, Resolve);
        }
    }

    private static IntPtr Resolve(string name, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath)
    {
        var file = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsMacOS() ? "libMonoPosixHelper.dylib" : "libMonoPosixHelper.so");
        return name == "MonoPosixHelper" && NativeLibrary.TryLoad(file, out var handle) ? handle : IntPtr.Zero;
    }
}
