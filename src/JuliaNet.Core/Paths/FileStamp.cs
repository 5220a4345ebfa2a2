namespace JuliaNet.Paths;

/// <summary>What a cheap stat says of a path: its size, its modification time in nanoseconds since the epoch, and whether it is a directory.</summary>
public readonly record struct FileStamp(long Size, long Modified, bool IsDirectory);
