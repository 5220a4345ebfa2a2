using JuliaNet.Building;
using JuliaNet.Images;
using JuliaNet.Runtime;

namespace JuliaNet.Sysimage;

/// <summary>
/// The inputs julia-net checks at launch, stamped when the build starts (so a change made while
/// the build runs is flagged too): every input whose content the build hashes (project and
/// manifest, scripts, statement files, the project file and <c>src/</c> and <c>ext/</c> of every
/// path package in the image), with every file and directory below an input directory.
/// </summary>
internal static class WatchList
{
    public static IReadOnlyList<WatchedPath> Collect(BuildPlan plan)
    {
        List<WatchedPath> watched = [];
        foreach (var input in plan.Inputs.Where(i => i.ContentHashed))
        {
            var paths = Directory.Exists(input.Path) ? [input.Path, .. SourceTree.Entries(input.Path)] : new[] { input.Path };
            foreach (var path in paths)
            {
                if (RealFileProbe.Instance.Stamp(path) is { } stamp)
                {
                    watched.Add(new WatchedPath(path, stamp.Modified, stamp.IsDirectory ? null : stamp.Size));
                }
            }
        }

        return watched;
    }
}
