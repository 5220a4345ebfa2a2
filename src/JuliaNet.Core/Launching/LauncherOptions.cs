namespace JuliaNet.Launching;

/// <summary>The launcher's own options, read only at the front of the command line.</summary>
public sealed record LauncherOptions
{
    public string? Julia { get; init; }

    public bool Debug { get; init; }

    public bool Info { get; init; }

    public bool Help { get; init; }

    public bool Version { get; init; }

    /// <summary>Everything after the launcher options, for Julia, verbatim.</summary>
    public IReadOnlyList<string> JuliaArgs { get; init; } = [];
}
