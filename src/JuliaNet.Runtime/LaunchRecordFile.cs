using JuliaNet.Images;

namespace JuliaNet.Runtime;

/// <summary>Writes an image's <see cref="LaunchRecord"/> once its metadata file is in place.</summary>
public static class LaunchRecordFile
{
    /// <summary>
    /// The record of <paramref name="metadata"/>, which must be what the metadata file beside
    /// <paramref name="image"/> now holds (its size and time go in the record). Written atomically;
    /// when it cannot be written, an older record is removed (it no longer matches anyway) and
    /// launches read the JSON.
    /// </summary>
    public static void Write(string image, ImageMetadata metadata)
    {
        var files = new ImageFiles(image);
        var path = files.LaunchRecord;
        try
        {
            var stamp = FileStatus.Stamp(files.Metadata) ?? throw new IOException("the metadata file is gone");
            var facts = new ImageFacts(metadata.Julia, metadata.JuliaVersion, metadata.Rebuild, metadata.Watch);
            AtomicFile.WriteAllBytes(path, LaunchRecord.Format(facts, stamp));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Remove(path);
        }
    }

    /// <summary>Writes the record when the one there does not describe the metadata file as it is (an image built before records existed, or a record lost).</summary>
    public static void EnsureCurrent(string image, ImageMetadata metadata)
    {
        if (LaunchRecord.ReadCurrent(image, RealFileProbe.Instance) is null)
        {
            Write(image, metadata);
        }
    }

    private static void Remove(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // nothing to do: a record that cannot be removed no longer matches the metadata
        }
    }
}
