using JuliaNet.Building;
using JuliaNet.Julia;
using JuliaNet.Processes;

namespace JuliaNet.Paths;

/// <summary>
/// The project a <c>--project</c> value or <c>JULIA_PROJECT</c> names, found as Julia finds it at
/// start-up (base/initdefs.jl: <c>init_active_project</c>, <c>current_project</c>,
/// <c>load_path_expand</c>, <c>active_project</c>; read at 1.5.3, 1.10.8 and 1.12.4), for julia-net's
/// launch and julia-sysimage's build and status alike:
/// <list type="bullet">
/// <item>the option's value when given (the last <c>--project</c>; a bare one is <c>@.</c>; an empty
/// one counts too), else <c>JULIA_PROJECT</c>; no value or an empty one: none;</item>
/// <item><c>@.</c>: the nearest directory, from the working directory upwards, holding
/// <c>JuliaProject.toml</c> or <c>Project.toml</c> (in that order); the walk ends at the home
/// directory (after looking in it) when it passes through it, else at <c>/</c>;</item>
/// <item>from Julia 1.7 another <c>@</c> value is not a path: <c>@</c> and <c>@stdlib</c> name no
/// project; from 1.11 <c>@script</c>[<c>/PATH</c>] is the script's project; from 1.12 <c>@temp</c> is a
/// new temporary environment; any other <c>@NAME</c> (<c>#</c> made the version's numbers, as in
/// <c>@v#.#</c>) is a named environment: the first <c>DEPOT/environments/NAME</c> holding a project
/// file, over the depot path, else that directory in the first depot (so before 1.11 <c>@script</c>,
/// before 1.12 <c>@temp</c>, are named environments). Up to 1.6 an <c>@NAME</c> is a path like any other;</item>
/// <item>a path: <c>~</c> and <c>~/…</c> expanded, made absolute against the working directory; a
/// directory is the project's, a file is a project file in its directory.</item>
/// </list>
/// Only stats, never parses: launch runs this every time. The Julia (its version and depot path)
/// is asked for only for an <c>@</c> value other than <c>@.</c>.
/// </summary>
public static class ProjectLocator
{
    /// <summary>The nearest project upwards (what a bare <c>--project</c> means).</summary>
    public const string Nearest = "@.";

    /// <summary>The value Julia reads: the option's when given (even empty), else <c>JULIA_PROJECT</c>'s (empty counts as unset).</summary>
    public static string? Value(string? option, ProcessFacts process) =>
        option ?? process.Env(EnvironmentVariables.Project);

    /// <summary>The project the option, else <c>JULIA_PROJECT</c>, names (<see cref="Value"/>, then <see cref="Find"/>).</summary>
    public static ProjectLocation Locate(string? option, ProcessFacts process, Func<JuliaInfo> julia, IFileProbe fs) =>
        Find(Value(option, process), process, julia, fs);

    /// <summary>The project <paramref name="value"/> names; <paramref name="julia"/> is asked only for an <c>@</c> value other than <c>@.</c>.</summary>
    public static ProjectLocation Find(string? value, ProcessFacts process, Func<JuliaInfo> julia, IFileProbe fs)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new(ProjectKind.None, value);
        }

        if (value == Nearest)
        {
            return NearestFrom(process.WorkingDirectory, process.Home, fs) is { } dir ? new(ProjectKind.Directory, value, dir) : new(ProjectKind.None, value);
        }

        if (value.StartsWith('@') && julia() is var info && JuliaRelease.AtLeast(info.Version, 1, 7, 0))
        {
            return Special(value, info) ?? Named(value, info, process, fs);
        }

        var path = Path.GetFullPath(HomePath.Expand(value, process.Home), process.WorkingDirectory);
        return fs.Kind(path) switch
        {
            PathKind.Directory => new(ProjectKind.Directory, value, Trim(path)),
            PathKind.File => new(ProjectKind.Directory, value, Path.GetDirectoryName(path)),
            _ => new(ProjectKind.Missing, value, path),
        };
    }

    /// <summary>The project file Julia reads in a directory: <c>JuliaProject.toml</c>, else <c>Project.toml</c>; null when neither is a file.</summary>
    public static string? ProjectFile(string directory, IFileProbe fs) =>
        JuliaProject.ProjectFileNames.Select(name => Path.Combine(directory, name)).FirstOrDefault(file => fs.Kind(file) == PathKind.File);

    /// <summary>The <c>@</c> values that are no named environment in this Julia; null for a named one.</summary>
    private static ProjectLocation? Special(string value, JuliaInfo julia) => value switch
    {
        "@" or "@stdlib" => new(ProjectKind.None, value),
        "@temp" when JuliaRelease.AtLeast(julia.Version, 1, 12, 0) => new(ProjectKind.Temporary, value),
        _ when value.StartsWith("@script", StringComparison.Ordinal) && JuliaRelease.AtLeast(julia.Version, 1, 11, 0) => new(ProjectKind.Script, value),
        _ => null,
    };

    /// <summary>A named environment: the first depot's <c>environments/NAME</c> with a project file, else that directory in the first depot.</summary>
    private static ProjectLocation Named(string value, JuliaInfo julia, ProcessFacts process, IFileProbe fs)
    {
        var name = WithVersion(value[1..], julia.Version);
        var depots = DepotLayout.UserDepots(process, julia, CacheLayout.Root(process));
        var found = depots.Select(depot => Path.Combine(depot, "environments", name))
            .FirstOrDefault(dir => fs.Kind(dir) == PathKind.Directory && ProjectFile(dir, fs) is not null);
        var dir = found ?? Path.Combine(depots[0], "environments", name);
        return fs.Kind(dir) == PathKind.Directory ? new(ProjectKind.Directory, value, dir) : new(ProjectKind.MissingEnvironment, value, dir);
    }

    /// <summary>The first three <c>#</c> made the major, minor and patch numbers (<c>v#.#</c> is <c>v1.10</c>).</summary>
    private static string WithVersion(string name, string version)
    {
        var numbers = version.Split('-', '+')[0].Split('.');
        foreach (var number in numbers.Take(3))
        {
            var at = name.IndexOf('#', StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            name = name[..at] + number + name[(at + 1)..];
        }

        return name;
    }

    private static string? NearestFrom(string start, string home, IFileProbe fs)
    {
        var stop = Trim(home);
        for (var dir = Trim(start); ; dir = Path.GetDirectoryName(dir)!)
        {
            if (ProjectFile(dir, fs) is not null)
            {
                return dir;
            }

            if (dir == stop || Path.GetDirectoryName(dir) is null)
            {
                return null;
            }
        }
    }

    private static string Trim(string dir) => Path.TrimEndingDirectorySeparator(dir);
}
