namespace JuliaNet.Julia;

/// <summary>
/// What julia-net needs to know of Julia's command line: the image and CPU target the user
/// gave (last one wins, as in Julia), and every other argument, verbatim and in order.
/// </summary>
public sealed record JuliaArguments(string? Image, string? CpuTarget, IReadOnlyList<string> Rest);
