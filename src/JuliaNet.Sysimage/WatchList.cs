using JuliaNet.Building;
using JuliaNet.Images;
using JuliaNet.Runtime;

namespace JuliaNet.Sysimage;

/// <summary>
/// The inputs julia-net checks at launch, stamped when the build starts (a change made while
/// the build runs is then flagged too): the project and manifest files, the scripts and
/// statement files, and of every path package in the image its project file and the files
/// and directories under <c>src/</c> and <c>ext/</c> (what <c>using</c> loads).
/// </summary>
internal static class WatchList
{
    private static readonly string[] CodeDirectories = ["src", "ext"];

    public static IReadOnlyList<WatchedPath> Collect(BuildPlan plan)
    {
        List<WatchedPath> watched = [];
        void Add(string path)
        {
            if (RealFileProbe.Instance.Stamp(path) is { } stamp)
            {
                watched.Add(new WatchedPath(path, stamp.Modified, stamp.IsDirectory ? null : stamp.Size));
            }
        }

        foreach (var file in new[] { plan.Project?.ProjectFile, plan.Project?.ManifestFile }.Concat(plan.Scripts).Concat(plan.PrecompileStatements).OfType<string>())
        {
            Add(file);
        }

        foreach (var package in plan.PathPackageDirectories)
        {
            foreach (var projectFile in JuliaProject.ProjectFileNames.Select(name => Path.Combine(package, name)).Where(File.Exists))
            {
                Add(projectFile);
            }

            foreach (var code in CodeDirectories.Select(name => Path.Combine(package, name)).Where(Directory.Exists))
            {
                Add(code);
                var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden };
                foreach (var entry in Directory.EnumerateFileSystemEntries(code, "*", options).Order(StringComparer.Ordinal))
                {
                    Add(entry);
                }
            }
        }

        return watched;
    }
}
