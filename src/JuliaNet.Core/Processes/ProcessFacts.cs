namespace JuliaNet.Processes;

/// <summary>
/// What a tool reads of its own process, once, at start, and the planners of both tools share:
/// the environment, the working directory, the home directory, the path the program was
/// invoked by and the platform. Each tool's own inputs (its arguments, its options) are not
/// here: julia-net parses its arguments into LauncherOptions, julia-sysimage into SysimageOptions.
/// </summary>
/// <param name="ProgramPath">
/// The absolute path this program was invoked by, symlinks not resolved: julia-net's in the
/// launcher (the path child Julia processes come back through), julia-sysimage's in the builder
/// (where it finds julia-net beside itself, and the command a background rebuild runs).
/// </param>
/// <param name="SelfRealPaths">Resolved paths that are this program itself, so julia-net never execs itself as julia.</param>
public sealed record ProcessFacts(
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    string Home,
    string ProgramPath,
    IReadOnlyCollection<string> SelfRealPaths,
    Platform Platform)
{
    /// <summary>This process's id (the Julia that julia-net becomes keeps it); 0 when not known.</summary>
    public int ProcessId { get; init; }

    /// <summary>When this process started reading itself, in Unix milliseconds.</summary>
    public long StartedMs { get; init; }

    /// <summary>An environment variable's value; unset and empty are the same (null).</summary>
    public string? Env(string name) =>
        Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

public enum Platform
{
    Linux,
    MacOS,
    Windows,
}
