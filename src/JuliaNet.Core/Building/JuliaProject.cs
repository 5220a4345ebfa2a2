using Tomlyn.Model;

namespace JuliaNet.Building;

/// <summary>
/// A package of a Julia project: its name, UUID, and what the manifest says of it (version,
/// <c>path</c> of a developed package, and the names of the packages it depends on).
/// </summary>
public sealed record ProjectPackage(string Name, string Uuid, string? Version, string? Path)
{
    /// <summary>The names of this entry's dependencies (the manifest's <c>deps</c>); empty for a package the manifest does not list.</summary>
    public IReadOnlyList<string> Deps { get; init; } = [];
}

/// <summary>
/// A Julia project as julia-sysimage needs it: its own name and UUID (a package project has
/// them, a plain environment not), the direct dependencies and the manifest entries.
/// </summary>
public sealed record JuliaProject(string Directory, string ProjectFile, string? ManifestFile, IReadOnlyList<ProjectPackage> Deps, IReadOnlyList<ProjectPackage> Manifest)
{
    public static readonly string[] ProjectFileNames = ["JuliaProject.toml", "Project.toml"];
    public static readonly string[] ManifestFileNames = ["JuliaManifest.toml", "Manifest.toml"];

    /// <summary>The project's <c>name</c>, when it is a package.</summary>
    public string? Name { get; init; }

    /// <summary>The project's <c>uuid</c>, when it is a package.</summary>
    public string? Uuid { get; init; }

    /// <summary>Reads the project from the texts of its files (the caller reads the files).</summary>
    public static JuliaProject Parse(string directory, string projectFile, string projectText, string? manifestFile, string? manifestText)
    {
        var project = TomlFile.Parse(projectFile, projectText);
        var manifest = manifestText is null ? [] : ManifestReader.Read(TomlFile.Parse(manifestFile!, manifestText));
        var deps = DirectDeps(project)
            .Select(dep => manifest.FirstOrDefault(m => m.Uuid == dep.Uuid) ?? dep)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
        return new JuliaProject(directory, projectFile, manifestFile, deps, manifest)
        {
            Name = project.String(project.Root, "name", "name"),
            Uuid = project.Uuid(project.Root, "uuid", "uuid"),
        };
    }

    /// <summary>The <c>[deps]</c> table: name = UUID.</summary>
    private static IEnumerable<ProjectPackage> DirectDeps(TomlFile project)
    {
        var deps = project.Table(project.Root, "deps", "[deps]") ?? new TomlTable();
        return deps.Keys.Select(name => new ProjectPackage(name, project.Uuid(deps, name, $"[deps] entry {name}")!, null, null));
    }
}
