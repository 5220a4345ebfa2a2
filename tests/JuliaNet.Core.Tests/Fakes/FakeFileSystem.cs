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
    private readonly List<string> opened = [];
    private long added;

    /// <summary>Every path a read was asked of (<see cref="ReadAt"/>, <see cref="ReadText"/>, <see cref="ReadBytes"/>), in order, whether it succeeded or not.</summary>
    public IReadOnlyList<string> OpenedForReading => opened;

    public FakeFileSystem AddFile(string path, byte[] content, bool executable = false, bool readable = true)
    {
        Put(path, new Entry(PathKind.File, content, executable, readable, null));
        return this;
    }

    public FakeFileSystem AddTextFile(string path, string text) => AddFile(path, Encoding.UTF8.GetBytes(text));

    public FakeFileSystem AddExecutable(string path) => AddFile(path, [0x7F, (byte)'E', (byte)'L', (byte)'F'], executable: true);

    /// <summary>A file that passes as a Julia system image: an ELF shared object defining jl_system_image_data.</summary>
    public FakeFileSystem AddElfImage(string path) => AddFile(path, ElfFiles.JuliaImage());

    public FakeFileSystem AddDirectory(string path, bool writable = true)
    {
        Put(path, new Entry(PathKind.Directory, [], Executable: true, Readable: true, null, writable));
        return this;
    }

    /// <summary>Something that is neither a file nor a directory (a FIFO, a socket, a device).</summary>
    public FakeFileSystem AddSpecial(string path)
    {
        Put(path, new Entry(PathKind.Other, [], Executable: false, Readable: true, null));
        return this;
    }

    public FakeFileSystem AddSymlink(string path, string target)
    {
        Put(path, new Entry(PathKind.Missing, [], Executable: false, Readable: false, target));
        return this;
    }

    /// <summary>Removes what is at the path (not what is below it).</summary>
    public FakeFileSystem Remove(string path)
    {
        entries.Remove(path);
        return this;
    }

    public PathKind Kind(string path) => Resolve(path)?.Kind ?? PathKind.Missing;

    public bool IsExecutable(string path) => Resolve(path) is { Executable: true };

    public bool IsWritable(string directory) => Resolve(directory) is { Kind: PathKind.Directory, Writable: true };

    /// <summary>Resolves symlinks at the path and at its leading directories (<c>/p/src/a.jl</c> through a link <c>/p/src</c>).</summary>
    public string RealPath(string path)
    {
        var current = path;
        for (var hops = 0; hops < 40 && LinkedPrefix(current) is { } link; hops++)
        {
            current = entries[link].LinkTarget + current[link.Length..];
        }

        return current;
    }

    /// <summary>The shortest leading part of the path, whole components, that is a symlink; null when none is.</summary>
    private string? LinkedPrefix(string path)
    {
        for (var end = path.IndexOf('/', 1); ; end = path.IndexOf('/', end + 1))
        {
            var prefix = end < 0 ? path : path[..end];
            if (entries.TryGetValue(prefix, out var entry) && entry.LinkTarget is not null)
            {
                return prefix;
            }

            if (end < 0)
            {
                return null;
            }
        }
    }

    public string? LinkTarget(string path) => entries.GetValueOrDefault(path)?.LinkTarget;

    public byte[]? ReadAt(string path, long offset, int count) =>
        Read(path) is { } entry ? entry.Content.Skip((int)Math.Min(offset, int.MaxValue)).Take(count).ToArray() : null;

    public string? ReadText(string path) =>
        Read(path) is { } entry ? Encoding.UTF8.GetString(entry.Content) : null;

    public byte[]? ReadBytes(string path) =>
        Read(path) is { } entry ? entry.Content : null;

    /// <summary>Files: their length, and a modification time set with <see cref="Touch"/> (0 until then); special files (as stat gives them) and directories too.</summary>
    public FileStamp? Stamp(string path) =>
        Resolve(path) is { Kind: PathKind.File or PathKind.Directory or PathKind.Other } entry ? new FileStamp(entry.Content.Length, entry.Modified, entry.Kind == PathKind.Directory) : null;

    /// <summary>In the reverse of the order they were added, so code that needs an order has to sort (and a spec can list the same entries in two orders).</summary>
    public IReadOnlyList<DirectoryEntry> Entries(string directory)
    {
        if (Kind(directory) != PathKind.Directory)
        {
            return [];
        }

        var real = RealPath(directory);
        return entries.Keys.Where(path => Path.GetDirectoryName(path) == real).OrderByDescending(path => entries[path].Added)
            .Select(path => new DirectoryEntry(Path.GetFileName(path), Kind(path) == PathKind.Directory, entries[path].LinkTarget is not null))
            .ToList();
    }

    /// <summary>A symlink: the length of its target as its size, and its own modification time (set with <see cref="Touch"/>); anything else as <see cref="Stamp"/>.</summary>
    public FileStamp? LinkStamp(string path)
    {
        var own = Path.GetDirectoryName(path) is { } parent ? Path.Join(RealPath(parent), Path.GetFileName(path)) : path;
        return entries.GetValueOrDefault(own) is { LinkTarget: { } target } link ? new FileStamp(Encoding.UTF8.GetByteCount(target), link.Modified, false) : Stamp(own);
    }

    public FakeFileSystem Touch(string path, long modified)
    {
        entries[path] = entries[path] with { Modified = modified };
        return this;
    }

    /// <summary>A readable regular file at the path; the read is recorded either way.</summary>
    private Entry? Read(string path)
    {
        opened.Add(path);
        return Resolve(path) is { Kind: PathKind.File, Readable: true } entry ? entry : null;
    }

    private void Put(string path, Entry entry) => entries[path] = entry with { Added = ++added };

    private Entry? Resolve(string path) => entries.GetValueOrDefault(RealPath(path)) is { LinkTarget: null } entry ? entry : null;

    private sealed record Entry(PathKind Kind, byte[] Content, bool Executable, bool Readable, string? LinkTarget, bool Writable = false, long Modified = 0, long Added = 0);
}
