namespace JuliaNet.Images;

/// <summary>
/// The metadata julia-sysimage writes beside an image (<c>OUTPUT.json</c>) and julia-net
/// reads to pick the Julia that built the image and refuse a mismatched one.
/// </summary>
public sealed record ImageMetadata
{
    public int FormatVersion { get; init; } = 1;

    /// <summary>Absolute path of the Julia executable that built the image.</summary>
    public string? Julia { get; init; }

    public string? JuliaVersion { get; init; }

    /// <summary>The julia-net path recorded in the image for <c>Base.julia_cmd()</c>.</summary>
    public string? Launcher { get; init; }

    public IReadOnlyList<ImagePackage> Packages { get; init; } = [];

    public string? CpuTarget { get; init; }

    public string? BaseImage { get; init; }

    /// <summary>A hash of every input of the build; equal hashes mean the image is up to date.</summary>
    public string? InputsHash { get; init; }

    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    public string? ToolVersion { get; init; }

    /// <summary>The command that built the image (absolute paths), for rebuilding it: julia-net names it when the image is out of date.</summary>
    public IReadOnlyList<string> Rebuild { get; init; } = [];

    /// <summary>The inputs julia-net checks at launch (project, manifest, scripts, statements, path packages' sources), as they were when the build started.</summary>
    public IReadOnlyList<WatchedPath> Watch { get; init; } = [];

    public DateTimeOffset? BuildTime { get; init; }

    /// <summary>The project whose packages went in (its directory), if any.</summary>
    public string? Project { get; init; }

    /// <summary>The requested packages' dependencies that went in with them (<see cref="Packages"/> holds the requested ones).</summary>
    public IReadOnlyList<ImagePackage> Dependencies { get; init; } = [];

    /// <summary>The build's wall time, from planning to the image in place.</summary>
    public double? BuildSeconds { get; init; }

    /// <summary>The largest peak resident memory of the build's processes (the object step's, as a rule).</summary>
    public long? PeakMemoryBytes { get; init; }

    /// <summary>The threads that generated the image's code (Julia 1.10+; null before 1.10, which has none), to scale <see cref="PeakMemoryBytes"/> to another count (<see cref="Building.MemoryBudget"/>).</summary>
    public int? ImageThreads { get; init; }

    /// <summary>
    /// The SHA-256 of the image file's bytes (lower-case hex), computed when the build installed
    /// it; <c>julia-sysimage status</c> compares it with the file now (<see cref="ImageContentCheck"/>).
    /// Null in metadata written before it was recorded: status then does not check the content.
    /// </summary>
    public string? ImageSha256 { get; init; }
}

/// <param name="Path">The package's directory when the manifest tracks it by path (its sources are inputs), else null.</param>
public sealed record ImagePackage(string Name, string? Uuid, string? Version, string? Path = null);
