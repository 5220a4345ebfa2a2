using JuliaNet.Images;

namespace JuliaNet.Runtime;

/// <summary>
/// The one writer of a background rebuild's record beside its image (<see cref="ImageFiles.RebuildRecord"/>):
/// julia-net, when a rebuild cannot even start, and the rebuilding julia-sysimage, while it runs
/// and when it fails, both write through here; the build that installs the image removes it.
/// </summary>
public static class RebuildRecordFile
{
    /// <summary>Writes <paramref name="record"/> atomically; the reason when it cannot (the image's directory is not writable), else null.</summary>
    public static string? Write(ImageFiles files, RebuildRecord record)
    {
        try
        {
            AtomicFile.WriteAllText(files.RebuildRecord, RebuildRecord.Serialize(record));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    /// <summary>Removes the record (the image is installed and up to date, or the rebuild was interrupted); best effort.</summary>
    public static void Remove(ImageFiles files)
    {
        try
        {
            File.Delete(files.RebuildRecord);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
