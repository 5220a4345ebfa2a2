using JuliaNet.Building;
using JuliaNet.Julia;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Launching;

/// <summary>
/// The project Julia activates at start-up, found as Julia finds it (base/initdefs.jl,
/// <c>init_active_project</c> and <c>current_project</c>, 1.5 to 1.12): the last
/// <c>--project[=X]</c>, else <c>JULIA_PROJECT</c>; empty means none; <c>@.</c> (what a bare
/// <c>--project</c> means) is the nearest directory, from the working directory upwards and
/// not above the home directory, holding <c>JuliaProject.toml</c> or <c>Project.toml</c>;
/// another <c>@NAME</c> (a named environment, <c>@script</c>) is not looked up here; anything
/// else is a path (<c>~</c> expanded, relative to the working directory): a directory, or a
/// project file in one. Only stats, no parsing: this runs on every launch.
/// </summary>
public static class ActiveProject
{
    /// <summary>The project's directory, or null: no project, a named environment, or nothing at the path.</summary>
    public static string? Directory(string? fromArguments, ProcessFacts process, IFileProbe fs)
    {
        var value = fromArguments ?? process.Env(EnvironmentVariables.Project);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value == "@.")
        {
            return Nearest(process.WorkingDirectory, process.Home, fs);
        }

        if (value.StartsWith('@'))
        {
            return null;
        }

        var path = Path.GetFullPath(ExpandUser(value, process.Home), process.WorkingDirectory);
        return fs.Kind(path) switch
        {
            PathKind.Directory => Trim(path),
            PathKind.File => Path.GetDirectoryName(path),
            _ => null,
        };
    }

    private static string? Nearest(string start, string home, IFileProbe fs)
    {
        var dir = Trim(start);
        var stop = Trim(home);
        while (true)
        {
            if (JuliaProject.ProjectFileNames.Any(name => fs.Kind(Path.Combine(dir, name)) == PathKind.File))
            {
                return dir;
            }

            var parent = Path.GetDirectoryName(dir);
            if (dir == stop || parent is null)
            {
                return null;
            }

            dir = parent;
        }
    }

    private static string ExpandUser(string path, string home) =>
        path == "~" ? home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..]) : path;

    private static string Trim(string dir) => Path.TrimEndingDirectorySeparator(dir);
}
