namespace JuliaNet.Launching;

/// <summary>The launcher's own options, read only at the front of the command line.</summary>
public sealed record LauncherOptions
{
    public string? Julia { get; init; }

    /// <summary><c>+CHANNEL</c>: the juliaup channel to run (without the plus).</summary>
    public string? Channel { get; init; }

    public bool Debug { get; init; }

    public bool Info { get; init; }

    public bool Help { get; init; }

    public bool Version { get; init; }

    /// <summary>--julia-net-install-wrapper DIR: put a <c>julia</c> wrapper in DIR.</summary>
    public string? InstallWrapper { get; init; }

    /// <summary>--julia-net-remove-wrapper DIR: remove the wrapper from DIR.</summary>
    public string? RemoveWrapper { get; init; }

    /// <summary>--sysimage after --julia-net-install-wrapper: the default image to write to the user config.</summary>
    public string? WrapperSysimage { get; init; }

    /// <summary>Everything after the launcher options, for Julia, verbatim.</summary>
    public IReadOnlyList<string> JuliaArgs { get; init; } = [];
}
