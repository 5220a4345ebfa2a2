using JuliaNet.Juliaup;

namespace JuliaNet.Julia;

/// <summary>The Julia to run and why: never julia-net itself, never juliaup's launcher.</summary>
/// <param name="Path">The Julia executable (absolute).</param>
/// <param name="Source">Where the choice came from.</param>
/// <param name="Juliaup">The juliaup channel it was resolved from, when juliaup applied.</param>
public sealed record JuliaChoice(string Path, JuliaSource Source, JuliaupResolution? Juliaup = null)
{
    /// <summary>Arguments the juliaup channel puts before the user's (an alias's and a linked channel's <c>Args</c>).</summary>
    public IReadOnlyList<string> Args => Juliaup?.Args ?? [];
}
