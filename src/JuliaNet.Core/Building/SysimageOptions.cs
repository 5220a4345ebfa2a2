namespace JuliaNet.Building;

/// <summary>julia-sysimage's command line, as given (paths not yet resolved).</summary>
public sealed record SysimageOptions
{
    public required string Output { get; init; }

    public string? Project { get; init; }

    public IReadOnlyList<string> Packages { get; init; } = [];

    public IReadOnlyList<string> Scripts { get; init; } = [];

    public IReadOnlyList<string> PrecompileStatements { get; init; } = [];

    public string? BaseSysimage { get; init; }

    public string? Julia { get; init; }

    public string? Launcher { get; init; }

    public string? CpuTarget { get; init; }

    public bool Portable { get; init; }

    public bool Force { get; init; }

    public bool Debug { get; init; }

    public bool Quiet { get; init; }

    public bool KeepBuildDir { get; init; }
}
