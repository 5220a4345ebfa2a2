using System.Buffers.Binary;
using System.Text;

namespace JuliaNet.Core.Tests.Fakes;

/// <summary>
/// Minimal ELF files built in memory: a header, a dynamic symbol table (.dynsym) with its
/// strings (.dynstr), and the section header table at the end, as linkers lay them out.
/// Enough for <see cref="JuliaNet.Images.ElfImage"/>; nothing here is loadable.
/// </summary>
internal static class ElfFiles
{
    public const ushort SharedObject = 3;
    public const ushort Executable = 2;
    public const ushort Relocatable = 1;

    /// <summary>A shared object that defines Julia's image symbol, as every system image does.</summary>
    public static byte[] JuliaImage(bool is64 = true, bool littleEndian = true) =>
        Build(SharedObject, [("jl_sysimg_gvars_base", true), ("jl_system_image_data", true), ("jl_system_image_size", true)], is64, littleEndian);

    /// <summary>
    /// An ELF file of the given type with these dynamic symbols (defined ones get a section
    /// index, undefined ones SHN_UNDEF, as imports have).
    /// </summary>
    public static byte[] Build(ushort type, IReadOnlyList<(string Name, bool Defined)> symbols, bool is64 = true, bool littleEndian = true)
    {
        var (headerSize, symbolSize, sectionSize) = is64 ? (64, 24, 64) : (52, 16, 40);
        var strings = new List<byte> { 0 };
        var nameOffsets = new List<int>();
        foreach (var (name, _) in symbols)
        {
            nameOffsets.Add(strings.Count);
            strings.AddRange(Encoding.ASCII.GetBytes(name));
            strings.Add(0);
        }

        var stringsOffset = headerSize;
        var symbolsOffset = Align(stringsOffset + strings.Count, 8);
        var symbolsLength = (symbols.Count + 1) * symbolSize;
        var sectionsOffset = Align(symbolsOffset + symbolsLength, 8);
        var file = new byte[sectionsOffset + (3 * sectionSize)];
        var put = new Writer(file, littleEndian);

        "\x7F\x45\x4C\x46"u8.CopyTo(file);
        file[4] = (byte)(is64 ? 2 : 1);
        file[5] = (byte)(littleEndian ? 1 : 2);
        file[6] = 1;
        put.U16(16, type);
        put.U16(18, 62);
        put.U32(20, 1);
        if (is64)
        {
            put.U64(0x28, (ulong)sectionsOffset);
            put.U16(0x34, (ushort)headerSize);
            put.U16(0x3A, (ushort)sectionSize);
            put.U16(0x3C, 3);
        }
        else
        {
            put.U32(0x20, (uint)sectionsOffset);
            put.U16(0x28, (ushort)headerSize);
            put.U16(0x2E, (ushort)sectionSize);
            put.U16(0x30, 3);
        }

        strings.ToArray().CopyTo(file, stringsOffset);
        for (var i = 0; i < symbols.Count; i++)
        {
            var at = symbolsOffset + ((i + 1) * symbolSize);
            put.U32(at, (uint)nameOffsets[i]);
            put.U16(at + (is64 ? 6 : 14), (ushort)(symbols[i].Defined ? 7 : 0));
        }

        // [0] the null section, [1] .dynsym (SHT_DYNSYM, linked to [2]), [2] .dynstr (SHT_STRTAB).
        Section(put, is64, sectionsOffset + sectionSize, type: 11, symbolsOffset, symbolsLength, link: 2, symbolSize);
        Section(put, is64, sectionsOffset + (2 * sectionSize), type: 3, stringsOffset, strings.Count, link: 0, 0);
        return file;
    }

    private static void Section(Writer put, bool is64, int at, uint type, int offset, int size, uint link, int entrySize)
    {
        put.U32(at + 4, type);
        if (is64)
        {
            put.U64(at + 0x18, (ulong)offset);
            put.U64(at + 0x20, (ulong)size);
            put.U32(at + 0x28, link);
            put.U64(at + 0x38, (ulong)entrySize);
        }
        else
        {
            put.U32(at + 0x10, (uint)offset);
            put.U32(at + 0x14, (uint)size);
            put.U32(at + 0x18, link);
            put.U32(at + 0x24, (uint)entrySize);
        }
    }

    private static int Align(int value, int alignment) => (value + alignment - 1) / alignment * alignment;

    private readonly record struct Writer(byte[] File, bool LittleEndian)
    {
        public void U16(int at, ushort value)
        {
            if (LittleEndian)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(File.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(File.AsSpan(at), value);
            }
        }

        public void U32(int at, uint value)
        {
            if (LittleEndian)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(File.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(File.AsSpan(at), value);
            }
        }

        public void U64(int at, ulong value)
        {
            if (LittleEndian)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(File.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt64BigEndian(File.AsSpan(at), value);
            }
        }
    }
}
