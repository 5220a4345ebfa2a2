namespace JuliaNet.Paths;

/// <summary>What a <c>--project</c> value or <c>JULIA_PROJECT</c> names, once looked up (<see cref="ProjectLocator"/>).</summary>
public enum ProjectKind
{
    /// <summary>No project of its own: no value, an empty one, <c>@.</c> with no project up to the stop, <c>@</c>, <c>@stdlib</c>.</summary>
    None,

    /// <summary>A project directory (<see cref="ProjectLocation.Path"/>); it may still lack a project file when a path named it.</summary>
    Directory,

    /// <summary>A path with nothing there (<see cref="ProjectLocation.Path"/>: the path made absolute).</summary>
    Missing,

    /// <summary>A named environment with no directory in any depot (<see cref="ProjectLocation.Path"/>: where Julia would make it, in the first depot).</summary>
    MissingEnvironment,

    /// <summary><c>@temp</c> (Julia 1.12): a new temporary environment each time Julia starts.</summary>
    Temporary,

    /// <summary><c>@script</c>, <c>@script/PATH</c> (Julia 1.11): the project of the script Julia runs.</summary>
    Script,
}

/// <param name="Value">The value looked up (the option's, else <c>JULIA_PROJECT</c>'s); null when neither was given.</param>
public sealed record ProjectLocation(ProjectKind Kind, string? Value, string? Path = null)
{
    /// <summary>The project's directory when one was found, else null.</summary>
    public string? Directory => Kind == ProjectKind.Directory ? Path : null;
}
