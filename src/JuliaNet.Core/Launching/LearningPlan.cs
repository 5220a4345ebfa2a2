using JuliaNet.Learning;

namespace JuliaNet.Launching;

/// <summary>What a launch learns for its project's image (<see cref="LaunchPlanner"/>).</summary>
/// <param name="Store">The project image's store.</param>
/// <param name="RunFile">This run's trace file (Julia's <c>--trace-compile</c>); null when the store is at its limit.</param>
/// <param name="State">The store's counts once its finished runs were merged.</param>
public sealed record LearningPlan(LearnedStore Store, string? RunFile, LearnedState State)
{
    /// <summary>The background build of the image from what was learned, in rebuild mode, or null.</summary>
    public BackgroundRebuild? Improvement { get; init; }

    /// <summary>The one line that says the image can be improved (warn and error modes), printed once per image build; null when none is due.</summary>
    public string? Warning { get; init; }
}
