using JuliaNet.Building;

namespace JuliaNet.Learning;

/// <summary>
/// What a project image's build takes from its learned store: <c>learned.jl</c> replayed with the
/// other statement files, and an input of the build (so that new statements make the image worth
/// building again), never a watched one (so that they never make it out of date).
/// </summary>
public static class LearnedInput
{
    public const string Name = "learned statements";

    /// <summary><paramref name="plan"/> replaying <paramref name="store"/>'s statements when it has some (<paramref name="statements"/> of them).</summary>
    public static BuildPlan AddTo(BuildPlan plan, LearnedStore store, int statements) =>
        statements <= 0 ? plan : plan with
        {
            PrecompileStatements = [.. plan.PrecompileStatements, store.Statements],
            Inputs = [.. plan.Inputs, new BuildInput(Name, store.Statements, ContentHashed: true, Watched: false)],
        };

    /// <summary>Whether the plan replays a learned store.</summary>
    public static bool In(BuildPlan plan) => plan.Inputs.Any(i => i.Name == Name);
}
