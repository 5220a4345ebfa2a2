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

    /// <summary>Fail (exit 81) when more than <see cref="ObjectStepSummary.StatementWarningPercent"/>% of the precompile statements fail.</summary>
    public bool Strict { get; init; }

    /// <summary>Threads for the image's code generation (Julia 1.10+); null for the default (<see cref="ImageThreads"/>).</summary>
    public int? ImageThreads { get; init; }
}
