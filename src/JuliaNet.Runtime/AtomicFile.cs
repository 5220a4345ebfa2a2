namespace JuliaNet.Runtime;

/// <summary>Writes a file so readers see the old content or the new, never a part.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content) => WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(content));

    public static void WriteAllBytes(string path, byte[] content)
    {
        var temp = TempNameBeside(path);
        try
        {
            WriteNew(temp, content);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Writes a new file and flushes it to disk, so that renaming it later never shows an empty file.</summary>
    public static void WriteNew(string path, string content) => WriteNew(path, new System.Text.UTF8Encoding(false).GetBytes(content));

    private static void WriteNew(string path, byte[] content)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>An unpredictable hidden name in the same directory (so a rename is atomic).</summary>
    public static string TempNameBeside(string path) =>
        Images.ImageFiles.TemporaryFor(Path.GetFullPath(path), Guid.NewGuid().ToString("N"));
}
