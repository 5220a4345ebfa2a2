namespace JuliaNet.Julia;

/// <summary>
/// What julia-net needs to know of Julia's command line: the image and CPU target the user
/// gave (last one wins, as in Julia), and every other argument, verbatim and in order.
/// </summary>
/// <param name="Project">The last <c>--project</c>'s value (kept in <paramref name="Rest"/> too): <c>@.</c> for a bare <c>--project</c>, as Julia's jloptions.c sets it; null when not given.</param>
/// <param name="TraceCompile">Whether the user gave <c>--trace-compile</c> (then julia-net adds no trace of its own).</param>
public sealed record JuliaArguments(string? Image, string? CpuTarget, IReadOnlyList<string> Rest, string? Project = null, bool TraceCompile = false);
