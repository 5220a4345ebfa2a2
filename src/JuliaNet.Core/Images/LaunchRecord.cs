using System.Buffers.Binary;
using System.Text;
using JuliaNet.Paths;

namespace JuliaNet.Images;

/// <summary>
/// What julia-net reads of an image's metadata at every launch (<see cref="ImageFacts"/>), in a
/// compact binary file beside it (<c>.IMAGE.launch</c>), so a launch reads a few kilobytes and
/// no JSON. The JSON stays the one source of truth: the record carries the size and
/// modification time the metadata had when the record was written, and a record that does not
/// match the metadata as it is now (rewritten, edited, copied without it) or does not read
/// (another format, truncated) is not used: julia-net reads the JSON instead, as before.
/// </summary>
/// <remarks>
/// Layout, little-endian: the magic "JNLAUNCH", format version (int32), the metadata's size and
/// modification time (int64 each), then the Julia and its version (strings), the rebuild command
/// (int32 count, strings) and the watched inputs (int32 count, each modification time and size
/// as int64, -1 for a directory, then the path). A string is an int32 byte count (-1 for none)
/// and its UTF-8 bytes.
/// </remarks>
public static class LaunchRecord
{
    private const int FormatVersion = 1;
    private const int NoValue = -1;
    private static readonly byte[] Magic = "JNLAUNCH"u8.ToArray();

    /// <summary>The record beside <paramref name="image"/> when it still describes the image's metadata file; null when there is none, it does not read, or the metadata changed since.</summary>
    public static ImageFacts? ReadCurrent(string image, IFileProbe fs)
    {
        var files = new ImageFiles(image);
        return fs.Stamp(files.Metadata) is { IsDirectory: false } metadata && fs.ReadBytes(files.LaunchRecord) is { } record
            ? Read(record, metadata)
            : null;
    }

    public static byte[] Format(ImageFacts facts, FileStamp metadata)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        Int32(buffer, FormatVersion);
        Int64(buffer, metadata.Size);
        Int64(buffer, metadata.Modified);
        Text(buffer, facts.Julia);
        Text(buffer, facts.Version);
        Int32(buffer, facts.Rebuild.Count);
        foreach (var argument in facts.Rebuild)
        {
            Text(buffer, argument);
        }

        Int32(buffer, facts.Watch.Count);
        foreach (var watched in facts.Watch)
        {
            Int64(buffer, watched.Modified);
            Int64(buffer, watched.Size ?? NoValue);
            Text(buffer, watched.Path);
        }

        return buffer.ToArray();
    }

    /// <summary>The facts, or null when the record is not one this version reads or does not describe <paramref name="metadata"/>.</summary>
    public static ImageFacts? Read(ReadOnlySpan<byte> record, FileStamp metadata)
    {
        var reader = new Reader(record);
        if (!record.StartsWith(Magic) || !reader.Skip(Magic.Length)
            || reader.Int32() != FormatVersion || reader.Int64() != metadata.Size || reader.Int64() != metadata.Modified)
        {
            return null;
        }

        var julia = reader.Text();
        var version = reader.Text();
        var rebuild = new List<string>();
        for (var count = reader.Count(); count > 0; count--)
        {
            rebuild.Add(reader.Text() ?? "");
        }

        var watch = new List<WatchedPath>();
        for (var count = reader.Count(); count > 0; count--)
        {
            var modified = reader.Int64();
            var size = reader.Int64();
            watch.Add(new WatchedPath(reader.Text() ?? "", modified, size == NoValue ? null : size));
        }

        return reader.Complete ? new ImageFacts(julia, version, rebuild, watch) : null;
    }

    private static void Int32(MemoryStream buffer, int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        buffer.Write(bytes);
    }

    private static void Int64(MemoryStream buffer, long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        buffer.Write(bytes);
    }

    private static void Text(MemoryStream buffer, string? value)
    {
        if (value is null)
        {
            Int32(buffer, NoValue);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        Int32(buffer, bytes.Length);
        buffer.Write(bytes);
    }

    /// <summary>A forward-only read that stops being valid at the first value past the end (or a negative count), instead of throwing.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> bytes = bytes;
        private int position;
        private bool failed;

        /// <summary>Every value read was there, and nothing is left over.</summary>
        public readonly bool Complete => !failed && position == bytes.Length;

        public bool Skip(int count)
        {
            if (failed || count < 0 || count > bytes.Length - position)
            {
                failed = true;
                return false;
            }

            position += count;
            return true;
        }

        public int Int32() => Skip(sizeof(int)) ? BinaryPrimitives.ReadInt32LittleEndian(bytes[(position - sizeof(int))..]) : 0;

        public long Int64() => Skip(sizeof(long)) ? BinaryPrimitives.ReadInt64LittleEndian(bytes[(position - sizeof(long))..]) : 0;

        /// <summary>A count of items; a negative one or one larger than the bytes left could hold makes the read fail.</summary>
        public int Count()
        {
            var count = Int32();
            if (count < 0 || count > bytes.Length - position)
            {
                failed = true;
                return 0;
            }

            return count;
        }

        public string? Text()
        {
            var length = Int32();
            if (failed || length == NoValue)
            {
                return null;
            }

            return Skip(length) ? Encoding.UTF8.GetString(bytes.Slice(position - length, length)) : null;
        }
    }
}
