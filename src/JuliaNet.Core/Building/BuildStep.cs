using System.Text.RegularExpressions;

namespace JuliaNet.Building;

/// <summary>
/// One process of a build, described before it runs: which step it is, the progress title, the program and its argument list (never a shell string), and the
/// environment changes (a null value removes the variable).
/// </summary>
/// <param name="Refuse">Output that fails the step although the process succeeded, with the reason.</param>
public sealed record BuildStep(
    BuildStepId Id,
    string Title,
    string Program,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string?> Environment,
    OutputRule? Refuse = null)
{
    /// <summary>The step's name in the log and in errors (<see cref="BuildStepIds.WireName"/>).</summary>
    public string Name => Id.WireName();
}

/// <summary>A line of output that makes a step fail, and why.</summary>
public sealed record OutputRule(Regex Pattern, string Reason);
