using JuliaNet.Errors;
using JuliaNet.Paths;

namespace JuliaNet.Images;

/// <summary>Checks that a path can be a Julia system image before Julia is started on it.</summary>
public static class ImageFile
{
    private static readonly byte[] Elf = [0x7F, (byte)'E', (byte)'L', (byte)'F'];
    private static readonly byte[][] MachO = [[0xCF, 0xFA, 0xED, 0xFE], [0xCE, 0xFA, 0xED, 0xFE], [0xCA, 0xFE, 0xBA, 0xBE]];
    private static readonly byte[] Pe = [(byte)'M', (byte)'Z'];

    /// <summary>
    /// A regular, readable, non-empty shared library; on ELF systems also one that defines
    /// Julia's image symbol (<see cref="ElfImage"/>: a few small reads, no matter the image's size).
    /// </summary>
    public static void Validate(string path, IFileProbe fs)
    {
        switch (fs.Kind(path))
        {
            case PathKind.Missing:
                throw new UserError(ExitCode.ImageNotFound, $"system image not found: {path}");
            case PathKind.Directory:
                throw new UserError(ExitCode.ImageUnusable, $"system image is a directory: {path}");
            case PathKind.Other:
                throw new UserError(ExitCode.ImageUnusable, $"system image is not a regular file: {path}");
        }

        var head = fs.ReadAt(path, 0, ElfImage.HeaderBytes) ?? throw new UserError(ExitCode.ImageUnusable, $"system image is not readable: {path}");
        if (head.Length == 0)
        {
            throw new UserError(ExitCode.ImageUnusable, $"system image is empty: {path}");
        }

        if (!IsSharedLibrary(head))
        {
            throw new UserError(ExitCode.ImageUnusable, $"system image is not a shared library: {path}");
        }

        if (head.AsSpan().StartsWith(Elf))
        {
            switch (ElfImage.Inspect(head, (offset, count) => fs.ReadAt(path, offset, count)))
            {
                case ElfImageKind.NotSharedObject:
                    throw new UserError(ExitCode.ImageUnusable, $"system image is not a shared library: {path}");
                case ElfImageKind.Damaged:
                    throw new UserError(ExitCode.ImageUnusable, $"system image is a truncated or damaged ELF file: {path}");
                case ElfImageKind.NoImageSymbol:
                    throw new UserError(ExitCode.ImageUnusable, $"system image is not a Julia system image (it does not define {ElfImage.ImageSymbol}): {path}");
            }
        }
    }

    private static bool IsSharedLibrary(byte[] head) =>
        head.AsSpan().StartsWith(Elf) || head.AsSpan().StartsWith(Pe) || MachO.Any(m => head.AsSpan().StartsWith(m));
}
