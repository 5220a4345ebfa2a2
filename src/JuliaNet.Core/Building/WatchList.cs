using JuliaNet.Images;
using JuliaNet.Paths;

namespace JuliaNet.Building;

/// <summary>
/// The inputs julia-net checks at launch (<see cref="StaleCheck"/>), stamped when the build starts
/// (so a change made while the build runs is flagged too): every input whose content the build
/// hashes (project and manifest, scripts, statement files, the project file and <c>src/</c> and
/// <c>ext/</c> of every path package in the image), in the plan's order, each input directory
/// followed by every file and directory below it (<see cref="SourceTree"/>). A FIFO, socket or
/// device there is not watched (its time changes whenever it is written to; adding or removing
/// one changes its directory's time, which is). An input gone since the plan is left out; julia
/// and the base image are not watched.
/// </summary>
public static class WatchList
{
    public static IReadOnlyList<WatchedPath> Collect(BuildPlan plan, IFileProbe fs)
    {
        List<WatchedPath> watched = [];
        foreach (var input in plan.Inputs.Where(i => i.ContentHashed && i.Watched))
        {
            var paths = fs.Kind(input.Path) == PathKind.Directory ? [input.Path, .. SourceTree.Entries(input.Path, fs).Where(e => !e.IsSpecial).Select(e => e.Path)] : new[] { input.Path };
            foreach (var path in paths)
            {
                if (fs.Stamp(path) is { } stamp)
                {
                    watched.Add(new WatchedPath(path, stamp.Modified, stamp.IsDirectory ? null : stamp.Size));
                }
            }
        }

        return watched;
    }
}
