namespace JuliaNet.Building;

/// <summary>A file or directory below an input directory (<see cref="SourceTree"/>).</summary>
public readonly record struct SourceEntry(string Path, bool IsDirectory);
