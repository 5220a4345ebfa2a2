using System.Text;

namespace JuliaNet.Learning;

/// <summary>The statements of a store after a merge, and the counts that change with it.</summary>
/// <param name="Statements">Every statement, oldest first, each once.</param>
/// <param name="InImage">How many of the first ones the image's last build replayed (lower when some of those were set aside since).</param>
/// <param name="Added">Statements new to the store.</param>
/// <param name="Skipped">Lines skipped: cut short or not a statement.</param>
/// <param name="OverLimit">New statements left out because the store would exceed its limit.</param>
/// <param name="Changed">Whether <see cref="Statements"/> differ from what the store held (only then is it written).</param>
public sealed record MergeResult(IReadOnlyList<string> Statements, int InImage, int Added, int Skipped, int OverLimit, bool Changed)
{
    /// <summary>The bytes of <c>learned.jl</c> holding <see cref="Statements"/>.</summary>
    public long Bytes => LearnedMerge.Bytes(Statements);

    public string Text() => LearnedMerge.Text(Statements);
}

/// <summary>
/// Folds runs' trace files into a store's statements: whole lines only (a run killed while it
/// wrote leaves a last line without its end, which is skipped and counted), annotations dropped
/// (<see cref="TraceLine"/>), each statement once, never one set aside, never past the limit.
/// Pure: the edge reads the files and writes the result under the image's build lock.
/// </summary>
public static class LearnedMerge
{
    /// <summary><c>learned.jl</c>'s text: one statement a line, each line ended.</summary>
    public static string Text(IReadOnlyList<string> statements) => statements.Count == 0 ? "" : string.Join('\n', statements) + "\n";

    /// <summary>The bytes of <see cref="Text"/>.</summary>
    public static long Bytes(IReadOnlyList<string> statements) => statements.Sum(s => (long)Encoding.UTF8.GetByteCount(s) + 1);

    /// <param name="existing">The store's statements now (<c>learned.jl</c>'s lines).</param>
    /// <param name="inImage">How many of them the image's last build replayed.</param>
    /// <param name="setAside">Statements that failed in a build.</param>
    /// <param name="runs">The text of each finished run's trace file.</param>
    /// <param name="limitBytes">The most <c>learned.jl</c> may hold.</param>
    public static MergeResult Merge(IReadOnlyList<string> existing, int inImage, IReadOnlySet<string> setAside, IEnumerable<string> runs, long limitBytes)
    {
        var statements = new List<string>(existing.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = 0;
        var changed = false;
        long bytes = 0;
        for (var i = 0; i < existing.Count; i++)
        {
            if (setAside.Contains(existing[i]) || !seen.Add(existing[i]))
            {
                changed = true;
                continue;
            }

            statements.Add(existing[i]);
            bytes += Encoding.UTF8.GetByteCount(existing[i]) + 1;
            kept += i < inImage ? 1 : 0;
        }

        int added = 0, skipped = 0, overLimit = 0;
        foreach (var run in runs)
        {
            var lines = run.Split('\n');
            // The last piece has no line end: empty when the run ended its last line, else cut short.
            skipped += lines[^1].Trim().Length > 0 ? 1 : 0;
            foreach (var line in lines.AsSpan(0, lines.Length - 1))
            {
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                if (TraceLine.Statement(line) is not { } statement)
                {
                    skipped++;
                    continue;
                }

                if (setAside.Contains(statement) || seen.Contains(statement))
                {
                    continue;
                }

                var size = Encoding.UTF8.GetByteCount(statement) + 1;
                if (bytes + size > limitBytes)
                {
                    overLimit++;
                    continue;
                }

                seen.Add(statement);
                statements.Add(statement);
                bytes += size;
                added++;
            }
        }

        return new MergeResult(statements, kept, added, skipped, overLimit, changed || added > 0);
    }
}
