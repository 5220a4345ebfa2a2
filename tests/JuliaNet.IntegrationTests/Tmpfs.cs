using System.ComponentModel;

namespace JuliaNet.IntegrationTests;

/// <summary>A small tmpfs mounted over a directory, when this machine allows it (root, no container restriction): a disk that fills up.</summary>
internal sealed class Tmpfs(Tools tools, string dir) : IDisposable
{
    public static Tmpfs? TryMount(Tools tools, string dir, string size)
    {
        try
        {
            return tools.Run("mount", ["-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir]).ExitCode == 0 ? new Tmpfs(tools, dir) : null;
        }
        catch (Win32Exception)
        {
            return null; // no mount program
        }
    }

    /// <summary>Writes <paramref name="path"/> until the file system is full.</summary>
    public static void Fill(string path)
    {
        var block = new byte[64 * 1024];
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
        }
    }

    public void Dispose() => tools.Run("umount", ["--lazy", dir]);
}
