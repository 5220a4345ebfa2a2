using JuliaNet.Images;
using JuliaNet.Runtime;

namespace JuliaNet.Sysimage;

/// <summary>
/// The one edge that puts an image's files (<see cref="ImageFiles"/>) in place after a build,
/// under the image's build lock, in the one order launches rely on: the image, then its
/// metadata, then the launch record that matches the metadata as written, and last the removal
/// of a background rebuild's record, which no longer applies.
/// </summary>
internal static class InstalledImage
{
    /// <summary>
    /// Renames the built image and its metadata (both complete, in the build directory, same file
    /// system) onto the image's paths; a full disk has failed before this, so nothing half-moves.
    /// </summary>
    public static void Install(ImageFiles files, string builtImage, string builtMetadata, ImageMetadata metadata)
    {
        File.Move(builtImage, files.Image, overwrite: true);
        File.Move(builtMetadata, files.Metadata, overwrite: true);
        Settle(files, metadata, rewriteRecord: true);
    }

    /// <summary>The image is up to date: its metadata takes the new stamps of inputs touched since, when there are any.</summary>
    public static void KeepUpToDate(ImageFiles files, ImageMetadata current, ImageMetadata? restamped)
    {
        if (restamped is not null)
        {
            AtomicFile.WriteAllText(files.Metadata, ImageMetadataReader.Serialize(restamped));
        }

        Settle(files, restamped ?? current, rewriteRecord: restamped is not null);
    }

    private static void Settle(ImageFiles files, ImageMetadata metadata, bool rewriteRecord)
    {
        if (rewriteRecord)
        {
            LaunchRecordFile.Write(files.Image, metadata);
        }
        else
        {
            LaunchRecordFile.EnsureCurrent(files.Image, metadata);
        }

        RebuildRecordFile.Remove(files);
    }
}
