namespace JuliaNet.Julia;

/// <summary>
/// What the tools learn by running a Julia binary once (probe.jl); cached per binary and
/// shared by julia-net and julia-sysimage.
/// </summary>
/// <param name="SystemDepots">Julia's default depots after the user's own <c>~/.julia</c>.</param>
/// <param name="Stdlib">Julia's <c>Sys.STDLIB</c>, when reported.</param>
/// <param name="Libraries">The libraries an image links against; null when Julia did not report them (julia-net does not need them).</param>
public sealed record JuliaInfo(
    string Version,
    string DefaultImage,
    IReadOnlyList<string> SystemDepots,
    string? Stdlib = null,
    JuliaLibraries? Libraries = null);

/// <summary>Julia's own shared libraries, as loaded by the probed Julia.</summary>
/// <param name="LibJuliaInternal">Julia 1.6 and later; linked before libjulia.</param>
/// <param name="PrivateLibDir">Where Julia keeps its private libraries (libjulia-internal's directory from 1.6).</param>
public sealed record JuliaLibraries(string LibJulia, string? LibJuliaInternal, string PrivateLibDir)
{
    public string LibDir => Path.GetDirectoryName(LibJulia)!;
}
