using JuliaNet.Building;

namespace JuliaNet.Core.Tests.Fakes;

/// <summary>The Julia projects under Fixtures/Projects (copied to the test output), read as julia-sysimage reads them.</summary>
internal static class ProjectFiles
{
    public static string Directory(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Projects", name);

    /// <summary>The fixture's Project.toml and, when it has one, Manifest.toml.</summary>
    public static JuliaProject Read(string name)
    {
        var dir = Directory(name);
        var manifest = Path.Combine(dir, "Manifest.toml");
        return Parse(File.ReadAllText(Path.Combine(dir, "Project.toml")), File.Exists(manifest) ? File.ReadAllText(manifest) : null);
    }

    /// <summary>A project from texts, as if in /work/app (Project.toml, and Manifest.toml when given).</summary>
    public static JuliaProject Parse(string project, string? manifest = null) =>
        JuliaProject.Parse("/work/app", "/work/app/Project.toml", project, manifest is null ? null : "/work/app/Manifest.toml", manifest);
}
