using JuliaNet.Images;
using JuliaNet.Paths;

namespace JuliaNet.Building;

/// <summary>
/// A build that leaves OUTPUT as it is: no <c>--force</c>, an image at OUTPUT that julia-net
/// would not refuse (<see cref="ImageFile.Validate"/>: a few small reads, so a truncated image or
/// one that is no ELF file is built again), and its metadata records the hash of these inputs.
/// The image's bytes are not hashed here (100 ms and more for a large image, where an up-to-date
/// build takes about 30 ms): <c>julia-sysimage status</c> checks them (<see cref="ImageContentCheck"/>).
/// </summary>
/// <param name="Restamped">
/// The metadata with the watched inputs stamped again, when some were touched since the build
/// (a stamp changed, not the content, or the hash would differ): written back, julia-net no
/// longer calls the image out of date (and, in rebuild mode, does not start a rebuild at every
/// launch). Null when every stamp still holds.
/// </param>
public sealed record UpToDate(ImageMetadata? Restamped)
{
    /// <param name="previous">OUTPUT's metadata; null when there is none or it cannot be read.</param>
    /// <returns>Null when the build runs.</returns>
    public static UpToDate? Check(BuildPlan plan, bool force, ImageMetadata? previous, InputsHash inputs, IFileProbe fs)
    {
        if (force || previous?.InputsHash != inputs.Value || !Usable(plan.Output, fs))
        {
            return null;
        }

        return new UpToDate(StaleCheck.FirstChange(previous.Watch, fs) is null ? null : previous with { Watch = WatchList.Collect(plan, fs) });
    }

    private static bool Usable(string image, IFileProbe fs)
    {
        try
        {
            ImageFile.Validate(image, fs);
            return true;
        }
        catch (Errors.UserError)
        {
            return false;
        }
    }
}
