using System.Globalization;
using System.Text;

namespace JuliaNet.Paths;

/// <summary>
/// FNV-1a (64 bits) over the UTF-8 bytes of a string: the same on every run, process and
/// platform (unlike <c>string.GetHashCode</c>), and cheap to compute without loading a crypto
/// library at start-up. Not cryptographic: it only names cache entries after paths, where an
/// accidental collision is what matters (about 2^-64 for any two paths).
/// </summary>
public static class StableHash
{
    private const ulong OffsetBasis = 0xcbf29ce484222325;
    private const ulong Prime = 0x100000001b3;

    public static ulong Fnv1a64(ReadOnlySpan<byte> bytes)
    {
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }

    /// <summary>The hash of the string's UTF-8 bytes as 16 lowercase hex digits.</summary>
    public static string Hex(string value) =>
        Fnv1a64(Encoding.UTF8.GetBytes(value)).ToString("x16", CultureInfo.InvariantCulture);
}
