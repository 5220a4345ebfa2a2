using JuliaNet.Julia;

namespace JuliaNet.Juliaup;

/// <summary>A juliaup channel resolved to the command juliaup's launcher would run.</summary>
/// <param name="Channel">The channel asked for (an alias's own name, not its target).</param>
/// <param name="ConfigFile">The juliaup.json it was read from.</param>
/// <param name="Command">The Julia binary: absolute for a version juliaup installed; a linked channel's <c>Command</c> as written.</param>
/// <param name="Args">Arguments to put before the user's: the alias's, then the linked channel's.</param>
public sealed record JuliaupResolution(string Channel, string ConfigFile, string Command, IReadOnlyList<string> Args);

/// <summary>A channel to resolve, where its name came from, and how messages name that place.</summary>
public sealed record JuliaupChannelRequest(string Channel, JuliaSource Source, string From);
