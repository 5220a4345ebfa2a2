namespace JuliaNet.Learning;

/// <summary>
/// When what was learned makes a project image worth rebuilding ("improvable"): at least
/// <see cref="Floor"/> statement its build did not replay, and at least <see cref="Share"/> percent
/// more than it replayed. A trace line is a compilation's entry point, and the methods it calls
/// compile with it: one line can stand for seconds of compiling on every run (Synth60's whole
/// workload is one statement on Julia 1.12: 19 s), so any statement the image lacks is worth
/// having. The share keeps an image that holds many from being rebuilt for a few more (one-off
/// calls from a REPL); the rebuild itself runs in the background, one at a time, at low priority.
/// </summary>
public static class Improvement
{
    public const int Floor = 1;

    public const int Share = 10;

    public static bool Worth(LearnedState state) =>
        state.New >= Math.Max(Floor, (int)Math.Min(int.MaxValue, (long)state.InImage * Share / 100));

    /// <summary>What was learned, as the lines about the image say it (<paramref name="imageExists"/>: since the image's build).</summary>
    public static string Change(LearnedState state, bool imageExists) =>
        imageExists ? $"{state.New} statements learned from its runs since it was built" : $"{state.New} statements";
}
