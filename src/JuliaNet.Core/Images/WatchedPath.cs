namespace JuliaNet.Images;

/// <summary>
/// An input of an image build as it was when the build started: a file (size and modification
/// time) or a directory (modification time, which changes when an entry is added, removed or
/// renamed). julia-net compares these at launch to flag an image that is out of date.
/// </summary>
/// <param name="Modified">Nanoseconds since the epoch.</param>
/// <param name="Size">The file's size; null for a directory.</param>
public sealed record WatchedPath(
    string Path,
    long Modified,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? Size = null)
{
    public bool IsDirectory => Size is null;
}
