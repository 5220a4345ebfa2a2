namespace JuliaNet.Runtime;

/// <summary>Writes a file so readers see the old content or the new, never a part.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content)
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
    public static void WriteNew(string path, string content)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    /// <summary>An unpredictable hidden name in the same directory (so a rename is atomic).</summary>
    public static string TempNameBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "." + Path.GetFileName(path) + ".tmp-" + Guid.NewGuid().ToString("N"));
}
