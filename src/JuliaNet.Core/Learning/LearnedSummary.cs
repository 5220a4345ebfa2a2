using System.Globalization;

namespace JuliaNet.Learning;

/// <summary>What <c>julia-sysimage status</c> says of a project image's learned store.</summary>
/// <param name="On">Whether learning is on now.</param>
/// <param name="Store">The store's directory.</param>
/// <param name="State">Its counts as of the last merge.</param>
/// <param name="PendingRuns">Run files not merged yet (runs going on, or ended since the last launch).</param>
/// <param name="PendingBytes">Their bytes.</param>
/// <param name="LimitBytes">The most <c>learned.jl</c> may hold.</param>
public sealed record LearnedSummary(bool On, string Store, LearnedState State, int PendingRuns, long PendingBytes, long LimitBytes)
{
    public bool Improvable => Improvement.Worth(State);

    public string Text() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(On ? "on" : "off")}, {State.Runs} runs, {State.Statements} statements ({State.New} new since the build{(Improvable ? ": worth a rebuild" : "")}), " +
        $"{Kb(State.Bytes)} of {Kb(LimitBytes)}; {State.SetAside} set aside, {State.Skipped} lines skipped, {State.OverLimit} over the limit; " +
        $"{PendingRuns} runs not merged yet ({Kb(PendingBytes)}); {Store}");

    private static string Kb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{(bytes + 1023) / 1024} KB");
}
