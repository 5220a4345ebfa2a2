using System.Runtime.InteropServices;
using JuliaNet.Launching;

namespace JuliaNet.Building;

/// <summary>
/// The C compiler's argument list that turns the <c>--output-o</c> archive into a shared
/// library, per platform, linking the Julia libraries that are actually loaded (no
/// libjulia-dev needed: the soname, or a full path, is enough). PackageCompiler's shape.
/// </summary>
public static class LinkCommand
{
    /// <param name="libraries">Linker flags for Julia's libraries, as link_info.jl reports them (e.g. <c>-l:libjulia.so.1</c>).</param>
    /// <param name="soname">The file name the image will finally have.</param>
    public static IReadOnlyList<string> Arguments(
        Platform platform, Architecture architecture, string archive, string output, string soname, string libDir, string privateLibDir, IReadOnlyList<string> libraries)
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
            Platform.Windows => ["-Wl,--export-all-symbols", "-Wl,--whole-archive", archive, "-Wl,--no-whole-archive"],
            _ => ["-Wl,--whole-archive", archive, "-Wl,--no-whole-archive"],
        });
        args.Add("-L" + libDir);
        if (privateLibDir != libDir)
        {
            args.Add("-L" + privateLibDir);
        }

        args.AddRange(libraries);
        if (platform == Platform.Linux)
        {
            args.Add("-Wl,-soname," + soname);
        }

        return args;
    }
}
