using JuliaNet.Learning;

namespace JuliaNet.Runtime;

/// <summary>
/// The edge of a learned store (<see cref="LearnedStore"/>): the private directory, the merge of
/// finished runs under the image's build lock, the counts, and what a build or <c>forget</c>
/// changes. Statements are written atomically (<see cref="AtomicFile"/>); a run's file is removed
/// only once its statements are in <c>learned.jl</c>, and only when the process that wrote it has
/// ended. The directory itself is never removed: a Julia that runs opens its trace file at its
/// first compilation, and must find the directory then.
/// </summary>
public static class LearnedStoreFiles
{
    /// <summary>
    /// julia-net's question (<see cref="Launching.LaunchPlanner"/>): makes the store's directory
    /// (private), merges the runs that have ended unless a build holds the lock (it merges them
    /// itself), and returns the counts; null when the directory cannot be made or written.
    /// </summary>
    public static LearnedState? Collect(Images.ImageFiles image, long limitBytes)
    {
        var store = image.Learned;
        try
        {
            PrivateDirectory.Create(store.Directory);
            if (!Posix.CanWrite(store.Directory))
            {
                return null;
            }

            if (FinishedRuns(store) is { Count: > 0 } runs)
            {
                using var buildLock = BuildLock.TryAcquire(image.Image);
                if (buildLock is not null)
                {
                    return Merge(store, runs, limitBytes);
                }
            }

            return ReadState(store);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Errors.UserError)
        {
            return null; // learning is a bonus: a store that cannot be used costs the run nothing
        }
    }

    /// <summary>Whether learning is on for this process, and the store's limit (the environment, else the user's config).</summary>
    public static LearningSettings Settings(Processes.ProcessFacts process) =>
        LearningSettings.Choose(process, () => Config.UserConfig.Load(process, RealFileProbe.Instance));

    /// <summary>Merges the finished runs into <c>learned.jl</c> (the caller holds the image's build lock) and returns the counts.</summary>
    public static LearnedState Merge(LearnedStore store, long limitBytes) => Merge(store, FinishedRuns(store), limitBytes);

    /// <summary>Merges <paramref name="runs"/> (finished, listed by the caller, who holds the lock).</summary>
    private static LearnedState Merge(LearnedStore store, List<string> runs, long limitBytes)
    {
        var state = ReadState(store);
        var existing = ReadLines(store.Statements);
        var setAside = ReadLines(store.SetAside).ToHashSet(StringComparer.Ordinal);
        var texts = runs.Select(ReadRun).ToList();
        var merged = LearnedMerge.Merge(existing, state.InImage, setAside, texts, limitBytes);
        if (merged.Changed)
        {
            AtomicFile.WriteAllText(store.Statements, merged.Text());
        }

        state = state with
        {
            Runs = state.Runs + runs.Count, Statements = merged.Statements.Count, InImage = merged.InImage, Bytes = merged.Bytes,
            Skipped = state.Skipped + merged.Skipped, OverLimit = state.OverLimit + merged.OverLimit,
        };
        WriteState(store, state);
        foreach (var run in runs)
        {
            File.Delete(run);
        }

        return state;
    }

    /// <summary>The counts in the store's state file; none yet is <see cref="LearnedState.Empty"/>.</summary>
    public static LearnedState ReadState(LearnedStore store) =>
        File.Exists(store.State) ? LearnedState.Parse(File.ReadAllText(store.State)) : LearnedState.Empty;

    /// <summary>The line that says the image can be improved was printed: not again until the next build.</summary>
    public static void MarkWarned(LearnedStore store)
    {
        try
        {
            WriteState(store, ReadState(store) with { Warned = true });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // printed again next time: harmless
        }
    }

    /// <summary>
    /// After a build replayed <c>learned.jl</c> (the caller holds the lock): the learned statements
    /// among <paramref name="failed"/> are set aside (never replayed again) and leave
    /// <c>learned.jl</c>. Returns them.
    /// </summary>
    public static IReadOnlyList<string> SetAside(LearnedStore store, IEnumerable<string> failed)
    {
        var statements = ReadLines(store.Statements);
        var failedSet = failed.ToHashSet(StringComparer.Ordinal);
        var setAside = statements.Where(failedSet.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (setAside.Count > 0)
        {
            var kept = statements.Where(s => !failedSet.Contains(s)).ToList();
            File.AppendAllLines(store.SetAside, setAside);
            AtomicFile.WriteAllText(store.Statements, LearnedMerge.Text(kept));
            var state = ReadState(store);
            WriteState(store, state with { Statements = kept.Count, SetAside = state.SetAside + setAside.Count, Bytes = LearnedMerge.Bytes(kept) });
        }

        return setAside;
    }

    /// <summary>The image that replayed <c>learned.jl</c> is installed: every statement in it is in the image, and a line may say again when it can be improved.</summary>
    public static void Built(LearnedStore store)
    {
        var state = ReadState(store);
        WriteState(store, state with { InImage = state.Statements, Warned = false });
    }

    /// <summary>Removes every file of the store (the caller holds the lock), the runs still being written too; returns the counts it had.</summary>
    public static LearnedState Forget(LearnedStore store)
    {
        var state = ReadState(store);
        if (Directory.Exists(store.Directory))
        {
            foreach (var file in Directory.EnumerateFiles(store.Directory))
            {
                File.Delete(file);
            }
        }

        return state;
    }

    /// <summary>The runs not merged yet, finished or still being written: how many, and their bytes.</summary>
    public static (int Count, long Bytes) PendingRuns(LearnedStore store)
    {
        if (!Directory.Exists(store.Directory))
        {
            return (0, 0);
        }

        var runs = Directory.EnumerateFiles(store.Directory).Where(f => LearnedStore.WriterOf(Path.GetFileName(f)) is not null).Select(f => new FileInfo(f)).ToList();
        return (runs.Count, runs.Sum(f => f.Exists ? f.Length : 0));
    }

    /// <summary>The run files whose process has ended (a run still going keeps writing to its file).</summary>
    private static List<string> FinishedRuns(LearnedStore store) =>
        Directory.EnumerateFiles(store.Directory)
            .Where(f => LearnedStore.WriterOf(Path.GetFileName(f)) is { } pid && pid != Environment.ProcessId && !Posix.ProcessExists(pid))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string ReadRun(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return ""; // removed by another merge meanwhile
        }
    }

    private static List<string> ReadLines(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToList() : [];

    private static void WriteState(LearnedStore store, LearnedState state) => AtomicFile.WriteAllText(store.State, state.Write());
}
