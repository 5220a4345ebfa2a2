namespace JuliaNet.Building;

/// <summary>julia-sysimage's command line, as given (paths not yet resolved).</summary>
public sealed record SysimageOptions
{
    /// <summary>The image to write; null: the project's image in julia-net's place (<see cref="Paths.CacheLayout.ProjectImage"/>).</summary>
    public string? Output { get; init; }

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

    /// <summary>Print the key of the build's inputs (the hash the up-to-date check compares) and build nothing.</summary>
    public bool PrintKey { get; init; }

    public bool Debug { get; init; }

    public bool Quiet { get; init; }

    public bool KeepBuildDir { get; init; }

    /// <summary>Fail (exit 81) when more than <see cref="ObjectStepSummary.StatementWarningPercent"/>% of the precompile statements fail.</summary>
    public bool Strict { get; init; }

    /// <summary>--distributed: make the image ready for Distributed's workers even when neither the packages nor the scripts use Distributed.</summary>
    public bool Distributed { get; init; }

    /// <summary>Threads for the image's code generation (Julia 1.10+); null for the default (<see cref="ImageThreads"/>).</summary>
    public int? ImageThreads { get; init; }

    /// <summary>--memory-limit as given (<c>4G</c>, <c>512M</c>, bytes): the memory the build may use, in place of the memory available now; null for that.</summary>
    public string? MemoryLimit { get; init; }
}
