using JuliaNet.Errors;

namespace JuliaNet.Building;

/// <summary>A package of a Julia project: its name, UUID, and what the manifest says of it.</summary>
public sealed record ProjectPackage(string Name, string Uuid, string? Version, string? Path);

/// <summary>A Julia project as julia-sysimage needs it: the direct dependencies and the manifest entries.</summary>
public sealed record JuliaProject(string Directory, string ProjectFile, string? ManifestFile, IReadOnlyList<ProjectPackage> Deps, IReadOnlyList<ProjectPackage> Manifest)
{
    public static readonly string[] ProjectFileNames = ["JuliaProject.toml", "Project.toml"];
    public static readonly string[] ManifestFileNames = ["JuliaManifest.toml", "Manifest.toml"];

    /// <summary>Reads the project from the texts of its files (the caller reads the files).</summary>
    public static JuliaProject Parse(string directory, string projectFile, string projectText, string? manifestFile, string? manifestText)
    {
        var project = ParseToml(projectFile, projectText);
        var manifest = manifestText is null ? [] : ParseManifest(manifestFile!, ParseToml(manifestFile!, manifestText));
        var deps = project.Where(t => t.Header == "deps").SelectMany(t => t.Values)
            .Select(kv => manifest.FirstOrDefault(m => m.Uuid == kv.Value.ToString()) ?? new ProjectPackage(kv.Key, kv.Value.ToString()!, null, null))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
        return new JuliaProject(directory, projectFile, manifestFile, deps, manifest);
    }

    /// <summary>Manifests of format 1 (<c>[[Name]]</c>, Julia 1.0-1.6) and 2 (<c>[[deps.Name]]</c>, 1.7+).</summary>
    private static ProjectPackage[] ParseManifest(string file, IReadOnlyList<TomlSubset.Table> tables)
    {
        var v2 = tables.Any(t => t.Header == "" && t.Values.ContainsKey("manifest_format"));
        return tables.Where(t => t.IsArrayItem && (!v2 || t.Header.StartsWith("deps.", StringComparison.Ordinal)))
            .Select(t => new ProjectPackage(
                v2 ? t.Header["deps.".Length..] : t.Header,
                t.Values.GetValueOrDefault("uuid")?.ToString() ?? throw new UserError(ExitCodes.ProjectInvalid, $"manifest {file}: package {t.Header} has no uuid"),
                t.Values.GetValueOrDefault("version")?.ToString(),
                t.Values.GetValueOrDefault("path")?.ToString()))
            .ToArray();
    }

    private static IReadOnlyList<TomlSubset.Table> ParseToml(string file, string text)
    {
        try
        {
            return TomlSubset.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UserError(ExitCodes.ProjectInvalid, $"{file} does not parse: {e.Message}");
        }
    }
}
