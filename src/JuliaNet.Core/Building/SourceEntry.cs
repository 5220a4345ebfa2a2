using JuliaNet.Paths;

namespace JuliaNet.Building;

/// <summary>An entry below an input directory (<see cref="SourceTree"/>).</summary>
/// <param name="Kind">
/// <see cref="PathKind.File"/>, <see cref="PathKind.Directory"/>, or <see cref="PathKind.Other"/>
/// for a FIFO, a socket or a device: never to be opened (opening a FIFO blocks until a writer comes).
/// </param>
public readonly record struct SourceEntry(string Path, PathKind Kind)
{
    public bool IsDirectory => Kind == PathKind.Directory;

    /// <summary>A FIFO, a socket or a device.</summary>
    public bool IsSpecial => Kind == PathKind.Other;
}
