using System.Buffers.Binary;
using System.Text;

namespace JuliaNet.Images;

public enum ElfImageKind
{
    /// <summary>A shared object that defines the image symbol.</summary>
    JuliaImage,

    /// <summary>A shared object without section headers (or with huge tables): not checked further, Julia decides.</summary>
    NotChecked,

    /// <summary>An executable, an object file or a core dump: nothing dlopen can load.</summary>
    NotSharedObject,

    /// <summary>A shared object (or a position-independent executable such as /bin/ls) without the image symbol.</summary>
    NoImageSymbol,

    /// <summary>Headers or tables that point past the end of the file or make no sense: truncated or damaged.</summary>
    Damaged,
}

/// <summary>
/// Tells a Julia system image from any other ELF file with a few small reads: the ELF header,
/// the section header table, the dynamic symbol table and its strings. Julia loads an image
/// through its exported <c>jl_system_image_data</c> symbol (1.5 to 1.12), so an ELF shared
/// object that does not define it is not an image. Both classes and byte orders are read.
/// </summary>
public static class ElfImage
{
    public const string ImageSymbol = "jl_system_image_data";

    /// <summary>Enough for the ELF header of either class.</summary>
    public const int HeaderBytes = 64;

    private const ushort SharedObjectType = 3; // ET_DYN
    private const uint DynamicSymbolsType = 11; // SHT_DYNSYM
    private const int MaxTableBytes = 16 << 20; // real images have a few kilobytes of dynamic symbols

    /// <param name="header">The first <see cref="HeaderBytes"/> bytes of the file (fewer if it is shorter); they start with the ELF magic.</param>
    /// <param name="read">Reads up to count bytes at an offset of the same file; null when it cannot be read.</param>
    public static ElfImageKind Inspect(byte[] header, Func<long, int, byte[]?> read)
    {
        if (header.Length < 20 || header[4] is not (1 or 2) || header[5] is not (1 or 2))
        {
            return ElfImageKind.Damaged;
        }

        var elf = new Fields(Is64: header[4] == 2, LittleEndian: header[5] == 1);
        if (elf.U16(header, 16) != SharedObjectType)
        {
            return ElfImageKind.NotSharedObject;
        }

        if (header.Length < (elf.Is64 ? 64 : 52))
        {
            return ElfImageKind.Damaged;
        }

        var tableOffset = elf.Is64 ? elf.U64(header, 0x28) : elf.U32(header, 0x20);
        var entrySize = elf.U16(header, elf.Is64 ? 0x3A : 0x2E);
        var count = elf.U16(header, elf.Is64 ? 0x3C : 0x30);
        if (tableOffset == 0 || count == 0)
        {
            return ElfImageKind.NotChecked;
        }

        if (entrySize < (elf.Is64 ? 64 : 40))
        {
            return ElfImageKind.Damaged;
        }

        if (count * entrySize > MaxTableBytes)
        {
            return ElfImageKind.NotChecked;
        }

        if (ReadExactly(read, tableOffset, count * entrySize) is not { } sections)
        {
            return ElfImageKind.Damaged;
        }

        for (var i = 0; i < count; i++)
        {
            var section = sections.AsSpan(i * entrySize, entrySize);
            if (elf.U32(section, 4) != DynamicSymbolsType)
            {
                continue;
            }

            var link = (int)elf.U32(section, elf.Is64 ? 0x28 : 0x18);
            if (link <= 0 || link >= count)
            {
                return ElfImageKind.Damaged;
            }

            var strings = sections.AsSpan(link * entrySize, entrySize);
            var (symbolsSize, stringsSize) = (Size(elf, section), Size(elf, strings));
            if (symbolsSize > MaxTableBytes || stringsSize > MaxTableBytes)
            {
                return ElfImageKind.NotChecked;
            }

            var symbolBytes = ReadExactly(read, Offset(elf, section), (int)symbolsSize);
            var stringBytes = ReadExactly(read, Offset(elf, strings), (int)stringsSize);
            if (symbolBytes is null || stringBytes is null)
            {
                return ElfImageKind.Damaged;
            }

            return Defines(elf, symbolBytes, stringBytes, Encoding.ASCII.GetBytes(ImageSymbol + "\0")) ? ElfImageKind.JuliaImage : ElfImageKind.NoImageSymbol;
        }

        return ElfImageKind.NoImageSymbol;
    }

    /// <summary>Whether a symbol of the table is defined (section index not SHN_UNDEF) and named <paramref name="name"/> (NUL-terminated).</summary>
    private static bool Defines(Fields elf, byte[] symbols, byte[] strings, byte[] name)
    {
        var size = elf.Is64 ? 24 : 16;
        for (var at = 0; at + size <= symbols.Length; at += size)
        {
            var nameOffset = elf.U32(symbols, at);
            var sectionIndex = elf.U16(symbols, at + (elf.Is64 ? 6 : 14));
            if (sectionIndex != 0 && nameOffset < (uint)strings.Length && strings.AsSpan((int)nameOffset).StartsWith(name))
            {
                return true;
            }
        }

        return false;
    }

    private static ulong Offset(Fields elf, ReadOnlySpan<byte> section) => elf.Is64 ? elf.U64(section, 0x18) : elf.U32(section, 0x10);

    private static ulong Size(Fields elf, ReadOnlySpan<byte> section) => elf.Is64 ? elf.U64(section, 0x20) : elf.U32(section, 0x14);

    /// <summary>Exactly count bytes at offset, or null when the file is shorter (truncated) or unreadable.</summary>
    private static byte[]? ReadExactly(Func<long, int, byte[]?> read, ulong offset, int count) =>
        offset > long.MaxValue ? null : read((long)offset, count) is { } bytes && bytes.Length == count ? bytes : null;

    private readonly record struct Fields(bool Is64, bool LittleEndian)
    {
        public ushort U16(ReadOnlySpan<byte> bytes, int at) =>
            LittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);

        public uint U32(ReadOnlySpan<byte> bytes, int at) =>
            LittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);

        public ulong U64(ReadOnlySpan<byte> bytes, int at) =>
            LittleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt64BigEndian(bytes[at..]);
    }
}
