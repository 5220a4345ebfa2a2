namespace JuliaNet.Learning;

/// <summary>
/// When what was learned makes a project image worth rebuilding ("improvable"): at least
/// <see cref="Floor"/> statements its build did not replay, and at least <see cref="Share"/> percent
/// more than it replayed. Each such statement is a method the runs compiled at run time (a few
/// milliseconds to a second each, every run); a rebuild costs minutes of a core in the background.
/// The floor keeps a handful of one-off calls from a REPL from starting one; the share keeps a
/// large image from being rebuilt for a few statements more.
/// </summary>
public static class Improvement
{
    public const int Floor = 25;

    public const int Share = 10;

    public static bool Worth(LearnedState state) =>
        state.New >= Math.Max(Floor, (int)Math.Min(int.MaxValue, (long)state.InImage * Share / 100));

    /// <summary>What was learned, as the lines about the image say it (<paramref name="imageExists"/>: since the image's build).</summary>
    public static string Change(LearnedState state, bool imageExists) =>
        imageExists ? $"{state.New} statements learned from its runs since it was built" : $"{state.New} statements from its runs";
}
