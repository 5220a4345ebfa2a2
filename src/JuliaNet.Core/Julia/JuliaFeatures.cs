namespace JuliaNet.Julia;

/// <summary>
/// Where Julia releases differ for the build, each rule with the release and the source it
/// follows (read in Julia's own source; see docs/julia-versions.md). A version that does not
/// parse counts as the newest (<see cref="JuliaRelease.AtLeast"/>).
/// </summary>
public static class JuliaFeatures
{
    /// <summary>
    /// Package images: native code in package caches, Julia 1.9 (<c>--pkgimages</c>,
    /// src/jloptions.c; cache flags checked in base/loading.jl <c>stale_cachefile</c>). An
    /// <c>--output-o</c> process accepts a cache only when its flags match its own, else it loads
    /// the package from source and skips its <c>__init__</c> (PackageCompiler PR #757). So every
    /// build process gets <c>--pkgimages=no</c> from 1.9, as PackageCompiler does (v2.1.3+): the
    /// precompile step writes caches the object step takes, the trace records everything the
    /// scripts compile (code a pkgimage serves is never compiled, so never traced), and the
    /// precompile step skips native code generation it would throw away.
    /// </summary>
    public static bool HasPackageImages(string version) => JuliaRelease.AtLeast(version, 1, 9, 0);

    /// <summary>
    /// Parallel image code generation, Julia 1.10 (julia PR #47797; <c>JULIA_IMAGE_THREADS</c>,
    /// <c>compute_image_thread_count</c> in src/aotcompile.cpp, which applies to <c>--output-o</c>).
    /// Julia's default is half the CPU threads (one on a 2-core machine); see <see cref="Building.ImageThreads"/>.
    /// </summary>
    public static bool HasImageThreads(string version) => JuliaRelease.AtLeast(version, 1, 10, 0);
}
