namespace JuliaNet.Sysimage;

/// <summary>The last lines of a step's output, shown above the error when the step fails.</summary>
internal sealed class OutputTail(int capacity = 15)
{
    private readonly Queue<string> lines = new();

    public void Add(string line)
    {
        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > capacity)
            {
                lines.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> Lines()
    {
        lock (lines)
        {
            return [.. lines];
        }
    }
}
