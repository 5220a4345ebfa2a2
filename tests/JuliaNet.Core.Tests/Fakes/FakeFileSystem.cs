using System.Text;
using JuliaNet.Paths;

namespace JuliaNet.Core.Tests.Fakes;

/// <summary>
/// An in-memory stand-in for the real file system behind <see cref="IFileProbe"/>. Paths are
/// compared ordinally and exactly as given (the code under test always passes absolute,
/// normalised paths). Nothing here touches the disk.
/// </summary>
internal sealed class FakeFileSystem : IFileProbe
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public FakeFileSystem AddFile(string path, byte[] content, bool executable = false, bool readable = true)
    {
        entries[path] = new Entry(PathKind.File, content, executable, readable, null);
        return this;
    }

    public FakeFileSystem AddTextFile(string path, string text) => AddFile(path, Encoding.UTF8.GetBytes(text));

    public FakeFileSystem AddExecutable(string path) => AddFile(path, [0x7F, (byte)'E', (byte)'L', (byte)'F'], executable: true);

    /// <summary>A file that passes as a Julia system image: an ELF shared object defining jl_system_image_data.</summary>
    public FakeFileSystem AddElfImage(string path) => AddFile(path, ElfFiles.JuliaImage());

    public FakeFileSystem AddDirectory(string path, bool writable = true)
    {
        entries[path] = new Entry(PathKind.Directory, [], Executable: true, Readable: true, null, writable);
        return this;
    }

    /// <summary>Something that is neither a file nor a directory (a FIFO, a socket, a device).</summary>
    public FakeFileSystem AddSpecial(string path)
    {
        entries[path] = new Entry(PathKind.Other, [], Executable: false, Readable: true, null);
        return this;
    }

    public FakeFileSystem AddSymlink(string path, string target)
    {
        entries[path] = new Entry(PathKind.Missing, [], Executable: false, Readable: false, target);
        return this;
    }

    public PathKind Kind(string path) => Resolve(path)?.Kind ?? PathKind.Missing;

    public bool IsExecutable(string path) => Resolve(path) is { Executable: true };

    public bool IsWritable(string directory) => Resolve(directory) is { Kind: PathKind.Directory, Writable: true };

    public string RealPath(string path)
    {
        var current = path;
        for (var hops = 0; hops < 40 && entries.TryGetValue(current, out var entry) && entry.LinkTarget is { } target; hops++)
        {
            current = target;
        }

        return current;
    }

    public string? LinkTarget(string path) => entries.GetValueOrDefault(path)?.LinkTarget;

    public byte[]? ReadAt(string path, long offset, int count) =>
        Resolve(path) is { Kind: PathKind.File, Readable: true } entry ? entry.Content.Skip((int)Math.Min(offset, int.MaxValue)).Take(count).ToArray() : null;

    public string? ReadText(string path) =>
        Resolve(path) is { Kind: PathKind.File, Readable: true } entry ? Encoding.UTF8.GetString(entry.Content) : null;

    public byte[]? ReadBytes(string path) =>
        Resolve(path) is { Kind: PathKind.File, Readable: true } entry ? entry.Content : null;

    /// <summary>Files: their length, and a modification time set with <see cref="Touch"/> (0 until then).</summary>
    public FileStamp? Stamp(string path) =>
        Resolve(path) is { Kind: PathKind.File or PathKind.Directory } entry ? new FileStamp(entry.Content.Length, entry.Modified, entry.Kind == PathKind.Directory) : null;

    public FakeFileSystem Touch(string path, long modified)
    {
        entries[path] = entries[path] with { Modified = modified };
        return this;
    }

    private Entry? Resolve(string path) => entries.GetValueOrDefault(RealPath(path)) is { LinkTarget: null } entry ? entry : null;

    private sealed record Entry(PathKind Kind, byte[] Content, bool Executable, bool Readable, string? LinkTarget, bool Writable = false, long Modified = 0);
}
