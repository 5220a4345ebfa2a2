using System.Diagnostics;

namespace JuliaNet.Sysimage;

/// <summary>
/// Progress on stderr: each step with its elapsed time; on a terminal the running step
/// shows a live elapsed time. Nothing at all with --quiet.
/// </summary>
internal sealed class Progress(bool quiet, int totalSteps)
{
    private readonly Stopwatch total = Stopwatch.StartNew();
    private readonly bool live = !quiet && !Console.IsErrorRedirected;
    private int step;

    public TimeSpan Elapsed => total.Elapsed;

    public void Line(string text)
    {
        if (!quiet)
        {
            Console.Error.WriteLine(text);
        }
    }

    /// <summary>Runs one step, reporting its start, a live elapsed time, and its duration.</summary>
    public T Step<T>(string name, Func<T> body)
    {
        step++;
        var label = $"[{step}/{totalSteps}] {name}";
        var watch = Stopwatch.StartNew();
        using var timer = live ? new Timer(_ => Console.Error.Write($"\r{label} ... {watch.Elapsed.TotalSeconds:0}s "), null, 1000, 1000) : null;
        if (!live)
        {
            Line(label + " ...");
        }

        var result = body();
        timer?.Dispose();
        if (live)
        {
            Console.Error.Write("\r");
        }

        Line($"{label} done in {Format(watch.Elapsed)}");
        return result;
    }

    public void Step(string name, Action body) => Step(name, () =>
    {
        body();
        return 0;
    });

    public static string Format(TimeSpan time) =>
        time.TotalMinutes >= 1 ? $"{(int)time.TotalMinutes}m{time.Seconds:00}s" : $"{time.TotalSeconds:0.0}s";
}
