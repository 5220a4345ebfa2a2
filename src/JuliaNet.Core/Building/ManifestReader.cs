using Tomlyn.Model;

namespace JuliaNet.Building;

/// <summary>
/// The entries of a Manifest.toml, in both formats Julia writes: format 1 (Julia 1.0-1.6),
/// where every top-level key is a package name holding an array of tables
/// (<c>[[Name]]</c>), and format 2 (1.7+, <c>manifest_format = "2.0"</c>), where they sit under
/// <c>deps</c> (<c>[[deps.Name]]</c>) beside <c>julia_version</c> and <c>project_hash</c>.
/// A name has more than one entry when two packages share it (different UUIDs).
/// </summary>
internal static class ManifestReader
{
    public static ProjectPackage[] Read(TomlFile manifest)
    {
        var format = Format(manifest);
        var entries = format == 1 ? manifest.Root : manifest.Table(manifest.Root, "deps", "deps") ?? new TomlTable();
        return entries.Keys.Where(name => format == 2 || name != "manifest_format")
            .SelectMany(name => Entries(manifest, entries, name).Select(entry => Package(manifest, entries, name, entry)))
            .ToArray();
    }

    /// <summary>1 when there is no <c>manifest_format</c>, else its major version (1 or 2; others are refused).</summary>
    private static int Format(TomlFile manifest)
    {
        var format = manifest.String(manifest.Root, "manifest_format", "manifest_format");
        if (format is null)
        {
            return 1;
        }

        var major = format.Split('.')[0];
        return major switch
        {
            "1" => 1,
            "2" => 2,
            _ => throw manifest.Error(manifest.LineOf(manifest.Root, "manifest_format"), $"manifest_format \"{format}\" is not supported (this julia-sysimage reads formats 1 and 2)"),
        };
    }

    /// <summary>The tables of one name: <c>[[Name]]</c> sections, or the equivalent array of inline tables.</summary>
    private static IEnumerable<TomlTable> Entries(TomlFile manifest, TomlTable entries, string name) => entries[name] switch
    {
        TomlTableArray tables => tables,
        TomlArray array when array.All(item => item is TomlTable) => array.Cast<TomlTable>(),
        _ => throw manifest.Error(manifest.LineOf(entries, name), $"manifest entry {name} must be an array of tables ([[{name}]])"),
    };

    private static ProjectPackage Package(TomlFile manifest, TomlTable entries, string name, TomlTable entry)
    {
        var what = $"manifest entry {name}";
        var uuid = manifest.Uuid(entry, "uuid", $"{what}: uuid") ?? throw manifest.Error(manifest.FirstLine(entry) ?? manifest.LineOf(entries, name), $"{what} has no uuid");
        return new ProjectPackage(name, uuid, manifest.String(entry, "version", $"{what}: version"), manifest.String(entry, "path", $"{what}: path"))
        {
            Deps = Deps(manifest, entry, what),
        };
    }

    /// <summary><c>deps = ["A", "B"]</c>, or a table of name = UUID (<c>[Name.deps]</c>, <c>deps = {A = "..."}</c>) when names are ambiguous.</summary>
    private static string[] Deps(TomlFile manifest, TomlTable entry, string what) => entry.TryGetValue("deps", out var deps) ? deps switch
    {
        TomlArray names when names.All(n => n is string) => names.Cast<string>().ToArray(),
        TomlTable table => Names(manifest, table, what),
        _ => throw manifest.Error(manifest.LineOf(entry, "deps"), $"{what}: deps must be an array of names or a table of name = uuid"),
    } : [];

    /// <summary>The names of a deps table, each checked to map to a UUID.</summary>
    private static string[] Names(TomlFile manifest, TomlTable deps, string what)
    {
        foreach (var name in deps.Keys)
        {
            manifest.Uuid(deps, name, $"{what}: deps entry {name}");
        }

        return [.. deps.Keys];
    }
}
