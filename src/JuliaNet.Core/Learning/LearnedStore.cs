using System.Globalization;

namespace JuliaNet.Learning;

/// <summary>
/// The files of what a project's Julia runs compiled, in one private directory beside the
/// project image (<see cref="Images.ImageFiles.Learned"/>), named here only:
/// <list type="bullet">
/// <item><c>run-PID-MS.jl</c>: one Julia run's <c>--trace-compile</c> file (PID: the run's process, which julia-net became; MS: when it started);</item>
/// <item><c>learned.jl</c>: the statements of the runs merged so far, de-duplicated, oldest first (<see cref="LearnedMerge"/>);</item>
/// <item><c>set-aside.jl</c>: statements that failed to replay in a build, never replayed again;</item>
/// <item><c>state</c>: the counts (<see cref="LearnedState"/>).</item>
/// </list>
/// </summary>
/// <param name="Directory">The store's directory.</param>
public sealed record LearnedStore(string Directory)
{
    private const string RunPrefix = "run-";
    private const string RunSuffix = ".jl";

    public string Statements => Path.Combine(Directory, "learned.jl");

    public string SetAside => Path.Combine(Directory, "set-aside.jl");

    public string State => Path.Combine(Directory, "state");

    /// <summary>The trace file of the run that process <paramref name="pid"/>, started at <paramref name="startedMs"/> (Unix milliseconds), writes.</summary>
    public string RunFile(int pid, long startedMs) =>
        Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"{RunPrefix}{pid}-{startedMs}{RunSuffix}"));

    /// <summary>The process that writes the run file named <paramref name="name"/>, or null when the name is not a run file's.</summary>
    public static int? WriterOf(string name)
    {
        if (!name.StartsWith(RunPrefix, StringComparison.Ordinal) || !name.EndsWith(RunSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = name[RunPrefix.Length..^RunSuffix.Length].Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? pid : null;
    }
}
