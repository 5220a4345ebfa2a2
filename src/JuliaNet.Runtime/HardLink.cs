using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace JuliaNet.Runtime;

/// <summary>Hard links on Windows (.NET has no API for them): the julia.exe wrapper shares julia-net's file when it can.</summary>
public static partial class HardLink
{
    /// <summary>Creates <paramref name="link"/> as another name of <paramref name="existing"/>; false when the file system refuses (another volume, FAT).</summary>
    [SupportedOSPlatform("windows")]
    public static bool TryCreate(string link, string existing) => CreateHardLink(link, existing, IntPtr.Zero);

    [LibraryImport("kernel32", EntryPoint = "CreateHardLinkW", StringMarshalling = StringMarshalling.Utf16, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CreateHardLink(string link, string existing, IntPtr securityAttributes);
}
