namespace JuliaNet.Launching;

/// <summary>
/// Everything julia-net reads of its process, once, at start: the arguments, the
/// environment, the working directory and where it lives.
/// </summary>
/// <param name="LauncherPath">The absolute path julia-net was invoked by, symlinks not resolved.</param>
/// <param name="SelfRealPaths">Resolved paths that are julia-net itself, so it never execs itself as julia.</param>
public sealed record LaunchContext(
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    string Home,
    string LauncherPath,
    IReadOnlyCollection<string> SelfRealPaths,
    Platform Platform)
{
    public string? Env(string name) =>
        Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

public enum Platform
{
    Linux,
    MacOS,
    Windows,
}
