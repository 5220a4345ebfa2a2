using System.Security.Cryptography;

namespace JuliaNet.Paths;

/// <summary>The SHA-256 of a file's content, read through <see cref="IFileProbe"/> a megabyte at a time.</summary>
public static class FileDigest
{
    private const int Chunk = 1 << 20;

    /// <summary>Lower-case hex digits, or null when the file cannot be read.</summary>
    public static string? Sha256(string path, IFileProbe fs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (long offset = 0; ; offset += Chunk)
        {
            if (fs.ReadAt(path, offset, Chunk) is not { } bytes)
            {
                return null;
            }

            hash.AppendData(bytes);
            if (bytes.Length < Chunk)
            {
                return Convert.ToHexStringLower(hash.GetHashAndReset());
            }
        }
    }
}
