using JuliaNet.Errors;
using JuliaNet.Paths;

namespace JuliaNet.Images;

/// <summary>What <c>julia-sysimage status</c> found of an image's bytes against the digest recorded when it was built.</summary>
public enum ImageContent
{
    /// <summary>No digest recorded (an image built before julia-sysimage recorded one): the bytes were not hashed.</summary>
    NotChecked,

    /// <summary>The bytes hash to the recorded digest.</summary>
    Verified,

    /// <summary>The bytes hash to something else: changed since the build, whatever its size and modification time say.</summary>
    Damaged,
}

/// <summary>
/// The content check of <c>julia-sysimage status</c>: the SHA-256 of the image's bytes
/// (<see cref="ImageMetadata.ImageSha256"/>, recorded when the build installed the image) against
/// the file now. Only status hashes: julia-net's launch and an up-to-date build stay at a few
/// stat calls and small reads (hashing a 200 MB image costs 100 ms and more).
/// </summary>
public static class ImageContentCheck
{
    /// <param name="recorded">The digest in the metadata (lower-case hex); null when none was recorded.</param>
    /// <param name="hash">Hashes the image now; called only when a digest was recorded.</param>
    public static ImageContent Of(string? recorded, Func<string> hash) =>
        recorded is null ? ImageContent.NotChecked
        : string.Equals(recorded, hash(), StringComparison.OrdinalIgnoreCase) ? ImageContent.Verified
        : ImageContent.Damaged;

    /// <summary>
    /// The one line status ends with for a damaged image: what is wrong and the recorded rebuild
    /// command with <c>--force</c> (its inputs did not change, so without it the build would find
    /// the image up to date).
    /// </summary>
    public static UserError Damaged(string image, IReadOnlyList<string> rebuild) =>
        new(ExitCode.ImageDamaged, $"system image is damaged: {image} (its content differs from the SHA-256 recorded when it was built); "
            + (rebuild.Count > 0 ? $"rebuild: {ShellWords.Join([rebuild[0], "--force", .. rebuild.Skip(1)])}" : "build it again with --force"));
}
