namespace JuliaNet.Launching;

/// <summary>The launcher's own options, read only at the front of the command line.</summary>
public sealed record LauncherOptions
{
    public string? Julia { get; init; }

    /// <summary><c>+CHANNEL</c>: the juliaup channel to run (without the plus).</summary>
    public string? Channel { get; init; }

    public bool Debug { get; init; }

    /// <summary>What julia-net does: run Julia, or one of its own commands (at most one is given).</summary>
    public LauncherMode Mode { get; init; } = LauncherMode.Run;

    /// <summary>--julia-net-install-wrapper DIR: put a <c>julia</c> wrapper in DIR.</summary>
    public string? InstallWrapper { get; init; }

    /// <summary>--julia-net-remove-wrapper DIR: remove the wrapper from DIR.</summary>
    public string? RemoveWrapper { get; init; }

    /// <summary>--sysimage after --julia-net-install-wrapper: the default image to write to the user config.</summary>
    public string? WrapperSysimage { get; init; }

    /// <summary>Everything after the launcher options, for Julia, verbatim.</summary>
    public IReadOnlyList<string> JuliaArgs { get; init; } = [];
}

/// <summary>julia-net's modes: a closed set, one per launch (two on one command line are a usage error).</summary>
public enum LauncherMode
{
    /// <summary>Run Julia (no mode option given).</summary>
    Run,

    /// <summary>--julia-net-info: print the plan as JSON.</summary>
    Info,

    /// <summary>--julia-net-help.</summary>
    Help,

    /// <summary>--julia-net-version.</summary>
    Version,

    /// <summary>--julia-net-install-wrapper DIR.</summary>
    InstallWrapper,

    /// <summary>--julia-net-remove-wrapper DIR.</summary>
    RemoveWrapper,
}
