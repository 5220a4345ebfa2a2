using JuliaNet.Errors;
using JuliaNet.Paths;

namespace JuliaNet.Building;

/// <summary>
/// Which packages go into an image: the ones requested (by default the project's own package,
/// when the project is one, and its direct dependencies), and what they need, following the
/// manifest's <c>deps</c> graph, and nothing else of the manifest.
/// </summary>
public static class PackageSelection
{
    /// <summary>
    /// The project's own package, as Julia loads it with <c>using</c> inside the project: a
    /// project with a <c>name</c> and a <c>uuid</c> whose <c>src/NAME.jl</c> exists
    /// (base/loading.jl, <c>entry_path</c>). Null for an environment.
    /// </summary>
    public static ProjectPackage? OwnPackage(JuliaProject project, IFileProbe fs) =>
        project is { Name: { } name, Uuid: { } uuid } && fs.Kind(Path.Combine(project.Directory, "src", name + ".jl")) == PathKind.File
            ? new ProjectPackage(name, uuid, null, ".") { Deps = project.Deps.Select(d => d.Name).ToArray() }
            : null;

    /// <summary>--package names (each must be the project's own package or a direct dependency), else all of those.</summary>
    public static ProjectPackage[] Requested(JuliaProject? project, ProjectPackage? own, IReadOnlyList<string> names)
    {
        IReadOnlyList<ProjectPackage> available = [.. own is null ? [] : new[] { own }, .. project?.Deps ?? []];
        if (names.Count == 0)
        {
            return [.. available];
        }

        return names.Distinct(StringComparer.Ordinal).Select(name => available.FirstOrDefault(p => p.Name == name) ?? throw new UserError(
            ExitCode.ProjectInvalid,
            project is null
                ? $"package {name} cannot be included: no project (pass --project DIR)"
                : $"package {name} is not in project {project.ProjectFile}; its packages are: {(available.Count == 0 ? "(none)" : string.Join(", ", available.Select(p => p.Name)))}"))
            .ToArray();
    }

    /// <summary>
    /// Everything the requested packages depend on, transitively, through the manifest's
    /// <c>deps</c> (by name, as the manifest writes them), in manifest order; the requested
    /// packages themselves left out.
    /// </summary>
    public static ProjectPackage[] Dependencies(JuliaProject? project, IReadOnlyList<ProjectPackage> requested)
    {
        if (project is null)
        {
            return [];
        }

        var needed = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<ProjectPackage>(requested.Select(p => project.Manifest.FirstOrDefault(m => m.Uuid == p.Uuid) ?? p));
        while (queue.TryDequeue(out var package))
        {
            foreach (var dep in package.Deps)
            {
                if (needed.Add(dep))
                {
                    foreach (var entry in project.Manifest.Where(m => m.Name == dep))
                    {
                        queue.Enqueue(entry);
                    }
                }
            }
        }

        return project.Manifest.Where(m => needed.Contains(m.Name) && requested.All(r => r.Uuid != m.Uuid)).ToArray();
    }
}
