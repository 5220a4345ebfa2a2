namespace JuliaNet.Building;

/// <summary>An input whose content (or, for large binaries, size and time) decides whether an image is up to date.</summary>
/// <param name="Watched">Whether julia-net checks it at launch (<see cref="WatchList"/>): not what the project's runs taught, which makes an image improvable, never out of date.</param>
public sealed record BuildInput(string Name, string Path, bool ContentHashed, bool Watched = true);

/// <summary>Everything a build needs, resolved and validated before any long work starts.</summary>
public sealed record BuildPlan
{
    public required string Output { get; init; }

    /// <summary>Whether <see cref="Output"/> is the project's image in julia-net's place (no OUTPUT was given); its directory may not exist yet.</summary>
    public bool IsProjectImage { get; init; }

    public required JuliaProject? Project { get; init; }

    public required IReadOnlyList<ProjectPackage> Packages { get; init; }

    public required IReadOnlyList<string> Scripts { get; init; }

    public required IReadOnlyList<string> PrecompileStatements { get; init; }

    /// <summary>The explicit base image, or null for Julia's default (known once Julia runs).</summary>
    public required string? BaseSysimage { get; init; }

    public required string Julia { get; init; }

    public required string Launcher { get; init; }

    public required string CpuTarget { get; init; }

    public required string Compiler { get; init; }

    /// <summary>Words <c>JULIA_CC</c> gives after the compiler itself (<c>JULIA_CC="gcc -g"</c>: <c>-g</c>), put before the link arguments.</summary>
    public IReadOnlyList<string> CompilerArgs { get; init; } = [];

    public bool Strict { get; init; }

    /// <summary>
    /// Whether the image is made ready for Distributed's workers (<see cref="WorkerImage"/>):
    /// --distributed, or Distributed among the requested packages. The trace step then also runs
    /// a real session with local workers; a script that does <c>using Distributed</c> gets it too.
    /// </summary>
    public bool ForWorkers { get; init; }

    /// <summary>The packages the requested ones need (their manifest dependencies, transitively), loaded into the image too.</summary>
    public IReadOnlyList<ProjectPackage> Dependencies { get; init; } = [];

    /// <summary>The command that builds this image again (recorded in its metadata).</summary>
    public IReadOnlyList<string> Rebuild { get; init; } = [];

    /// <summary>--image-threads, or null for the default.</summary>
    public int? ImageThreads { get; init; }

    /// <summary>--memory-limit in bytes, or null for the memory available when the build starts (<see cref="MemoryBudget"/>).</summary>
    public long? MemoryLimit { get; init; }

    /// <summary>The files whose fingerprints, with the base image, Julia's version and <see cref="Values"/>, make the inputs hash (<see cref="InputsHash"/>).</summary>
    public required IReadOnlyList<BuildInput> Inputs { get; init; }

    /// <summary>Settings that enter the inputs hash as they are.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    public string MetadataPath => new Images.ImageFiles(Output).Metadata;

    /// <summary>Where the statements that failed to replay are kept, beside OUTPUT (removed when none failed).</summary>
    public string FailedStatementsPath => Output + ".failed-statements.jl";
}
