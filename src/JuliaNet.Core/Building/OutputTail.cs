namespace JuliaNet.Building;

/// <summary>
/// What a failed build step shows above its error line: the last lines of its output, and
/// Julia's error message wherever it was. Julia prints <c>ERROR: …</c> and then a stack trace;
/// from 1.10 a trace takes two lines a frame and can push the message out of any short tail,
/// leaving the user with where it failed but not why. So the last error message (from a line
/// that starts with <c>ERROR: </c> up to <c>Stacktrace:</c>, at most
/// <see cref="MaxErrorLines"/> lines) is kept too and shown first when the tail no longer holds it.
/// Thread-safe: stdout and stderr add lines concurrently.
/// </summary>
public sealed class OutputTail(int capacity = 15)
{
    public const int MaxErrorLines = 10;

    /// <summary>Stands between the error message and a tail that does not follow it directly.</summary>
    public const string Gap = "...";

    private readonly Queue<(long Number, string Text)> lines = new();
    private readonly List<(long Number, string Text)> error = [];
    private long count;
    private bool inError;

    public void Add(string line)
    {
        lock (lines)
        {
            var numbered = (++count, line);
            lines.Enqueue(numbered);
            if (lines.Count > capacity)
            {
                lines.Dequeue();
            }

            if (line.StartsWith("ERROR: ", StringComparison.Ordinal))
            {
                error.Clear();
                inError = true;
            }
            else if (line.StartsWith("Stacktrace:", StringComparison.Ordinal))
            {
                inError = false;
            }

            if (inError && error.Count < MaxErrorLines)
            {
                error.Add(numbered);
            }
        }
    }

    public IReadOnlyList<string> Lines()
    {
        lock (lines)
        {
            var first = lines.Count > 0 ? lines.Peek().Number : count + 1;
            var missing = error.Where(e => e.Number < first).ToList();
            if (missing.Count == 0)
            {
                return [.. lines.Select(l => l.Text)];
            }

            var joined = missing[^1].Number + 1 == first;
            return [.. missing.Select(e => e.Text), .. joined ? [] : new[] { Gap }, .. lines.Select(l => l.Text)];
        }
    }
}
