using System.Runtime.InteropServices;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Building;

/// <summary>
/// The C compiler's argument list that turns the <c>--output-o</c> archive into a shared
/// library, per platform, linking the Julia libraries the probed Julia actually loads (no
/// libjulia-dev needed: the soname, or a full path, is enough). PackageCompiler's shape.
/// </summary>
public static class LinkCommand
{
    /// <param name="soname">The file name the image will finally have.</param>
    public static IReadOnlyList<string> Arguments(
        Platform platform, Architecture architecture, string juliaVersion, JuliaLibraries libraries, string archive, string output, string soname, IFileProbe fs)
    {
        List<string> args = [];
        args.AddRange(architecture switch
        {
            Architecture.X64 => ["-m64", "-march=x86-64"],
            Architecture.Arm64 => ["-march=armv8-a+crypto+simd"],
            _ => [],
        });
        args.AddRange(["-shared", "-fPIC", "-o", output]);
        args.AddRange(platform switch
        {
            Platform.MacOS => ["-Wl,-all_load", archive],
            Platform.Windows when ExportsAllSymbols(juliaVersion) => ["-Wl,--export-all-symbols", "-Wl,--whole-archive", archive, "-Wl,--no-whole-archive"],
            _ => ["-Wl,--whole-archive", archive, "-Wl,--no-whole-archive"],
        });
        args.Add("-L" + libraries.LibDir);
        if (libraries.PrivateLibDir != libraries.LibDir)
        {
            args.Add("-L" + libraries.PrivateLibDir);
        }

        if (libraries.LibJuliaInternal is not null)
        {
            args.Add(LibraryFlag(platform, libraries.LibJuliaInternal, fs));
        }

        args.Add(LibraryFlag(platform, libraries.LibJulia, fs));
        if (platform == Platform.Windows)
        {
            args.Add("-lopenlibm");
        }

        if (platform == Platform.Linux)
        {
            args.Add("-Wl,-soname," + soname);
        }

        return args;
    }

    /// <summary>
    /// How to name a loaded library to the linker: <c>-lNAME</c> when the linker finds it by
    /// that name (macOS, Windows, or an unversioned <c>libNAME.so</c> beside it), else GNU ld's
    /// <c>-l:FILE</c> (Debian ships <c>libjulia.so.1</c> alone without libjulia-dev).
    /// </summary>
    public static string LibraryFlag(Platform platform, string file, IFileProbe fs)
    {
        var fileName = Path.GetFileName(file);
        var stem = fileName.Split('.')[0];
        var name = stem.StartsWith("lib", StringComparison.Ordinal) ? stem[3..] : stem;
        return platform != Platform.Linux || fs.Kind(Path.Combine(Path.GetDirectoryName(file)!, stem + ".so")) == PathKind.File
            ? "-l" + name
            : "-l:" + fileName;
    }

    /// <summary>
    /// Windows (untested here): every symbol exported, as PackageCompiler did through v2.2, except on Julia 1.10,
    /// whose images exceed the COFF export limit (PackageCompiler v2.3, PR #1099).
    /// </summary>
    private static bool ExportsAllSymbols(string juliaVersion) =>
        !juliaVersion.StartsWith("1.10.", StringComparison.Ordinal);
}
