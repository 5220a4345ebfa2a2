namespace JuliaNet.Julia;

/// <summary>
/// What julia-net learns by running a Julia binary once; cached per binary and reused.
/// </summary>
/// <param name="SystemDepots">Julia's default depots after the user's own <c>~/.julia</c>.</param>
public sealed record JuliaInfo(string Version, string DefaultImage, IReadOnlyList<string> SystemDepots);
