using JuliaNet.Julia;

namespace JuliaNet.Launching;

/// <summary>Exactly what julia-net will run: program, full argv and environment, and why.</summary>
/// <param name="Argv">The full argument vector, <c>Argv[0]</c> being the Julia executable.</param>
/// <param name="JuliaSource">Where the choice of <paramref name="Julia"/> came from.</param>
/// <param name="JuliaupChannel">The juliaup channel <paramref name="Julia"/> was resolved from, if juliaup applied.</param>
/// <param name="JuliaupConfig">The juliaup.json that channel was read from.</param>
public sealed record LaunchPlan(
    string Julia,
    IReadOnlyList<string> Argv,
    IReadOnlyDictionary<string, string> Environment,
    string Launcher,
    string Image,
    string JuliaVersion,
    string? CpuTarget,
    string CacheRoot,
    string CacheDepot,
    string UserDepot,
    IReadOnlyList<string> DepotPath,
    JuliaSource JuliaSource,
    string? JuliaupChannel,
    string? JuliaupConfig,
    StaleOutcome? Stale = null)
{
    /// <summary>Where <see cref="Image"/> came from.</summary>
    public ImageSource ImageSource { get; init; } = ImageSource.Option;

    /// <summary>The directory of the project Julia activates, when julia-net looked for its image (no image was asked for).</summary>
    public string? Project { get; init; }

    /// <summary>One line for stderr about the choice of image (a project image passed over), or null.</summary>
    public string? ImageWarning { get; init; }

    /// <summary>What this run learns for the project's image, and what is done with what was learned; null when it learns nothing.</summary>
    public LearningPlan? Learning { get; init; }

    /// <summary>The background rebuild of the out-of-date image passed over in rebuild mode (<see cref="Image"/> is then Julia's default), or null.</summary>
    public BackgroundRebuild? Rebuild => (Stale as StaleOutcome.PassedOver)?.Rebuild;

    /// <summary>The warnings julia-net prints on stderr before it goes on, in order.</summary>
    public IReadOnlyList<string> Warnings =>
        new[] { ImageWarning, (Stale as StaleOutcome.Warned)?.Warning, (Stale as StaleOutcome.PassedOver)?.Warning, Learning?.Warning }.OfType<string>().ToList();

    /// <summary>The error julia-net exits with, after its warnings, instead of starting Julia (an out-of-date image in error mode), or null.</summary>
    public Errors.UserError? Refusal => (Stale as StaleOutcome.Refused)?.Error;
}
