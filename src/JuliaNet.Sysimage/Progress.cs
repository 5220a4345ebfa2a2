using System.Diagnostics;

namespace JuliaNet.Sysimage;

/// <summary>
/// Progress on stderr: each step with its elapsed time; on a terminal the running step
/// shows a live elapsed time, which is stopped and its line ended before anything else is
/// written (a failure's output included). Nothing at all with --quiet.
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

    public void Warning(string text) => Console.Error.WriteLine("julia-sysimage: warning: " + text);

    /// <summary>Runs one step, reporting its start, a live elapsed time, and how it ended.</summary>
    public void Step(string title, Action body)
    {
        step++;
        var label = $"[{step}/{totalSteps}] {title}";
        var watch = Stopwatch.StartNew();
        using var ticker = live ? new LiveLine(label, watch) : null;
        if (!live)
        {
            Line(label + " ...");
        }

        try
        {
            body();
        }
        catch (OperationCanceledException)
        {
            ticker?.Stop();
            Line($"{label} interrupted after {Format(watch.Elapsed)}");
            throw;
        }
        catch
        {
            ticker?.Stop();
            Line($"{label} failed after {Format(watch.Elapsed)}");
            throw;
        }

        ticker?.Stop();
        Line($"{label} done in {Format(watch.Elapsed)}");
    }

    public static string Format(TimeSpan time) =>
        time.TotalMinutes >= 1 ? $"{(int)time.TotalMinutes}m{time.Seconds:00}s" : $"{time.TotalSeconds:0.0}s";

    /// <summary>The live elapsed time of a running step, rewritten in place every second.</summary>
    private sealed class LiveLine : IDisposable
    {
        private readonly object gate = new();
        private readonly Timer timer;
        private bool stopped;

        public LiveLine(string label, Stopwatch watch) =>
            timer = new Timer(_ => Write($"\r{label} ... {watch.Elapsed.TotalSeconds:0}s "), null, 1000, 1000);

        /// <summary>Stops the ticks (none is written after this returns) and clears the line.</summary>
        public void Stop()
        {
            lock (gate)
            {
                if (stopped)
                {
                    return;
                }

                stopped = true;
                timer.Dispose();
                Console.Error.Write("\r\u001b[K");
            }
        }

        public void Dispose() => Stop();

        private void Write(string text)
        {
            lock (gate)
            {
                if (!stopped)
                {
                    Console.Error.Write(text);
                }
            }
        }
    }
}
