using System.Globalization;
using JuliaNet.Bench.Measure;

namespace JuliaNet.Bench.Running;

/// <summary>
/// Samples the memory of a process and all its descendants from /proc every
/// <see cref="Interval"/> while it runs (Linux only). Between samples a short peak can be
/// missed; VmHWM, the kernel's own per-process peak, is not sampled away (it only grows).
/// A cgroup's memory.peak would be exact, but needs a writable cgroup v2 hierarchy, which
/// machines (and containers) often do not give.
/// </summary>
/// <remarks>
/// Reading smaps_rollup walks the process's page tables: about 8 ms for a julia of 0.5 GB
/// here, so tens of milliseconds at a build's peak, with the process's memory map locked. One
/// sample a second keeps that to a few percent of a core; a build's memory rises and falls
/// over seconds to minutes, so the peak is not missed by much.
/// </remarks>
public sealed class TreeMemorySampler
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<int, long> highWater = [];
    private Task? loop;
    private long peakPss;
    private long peakRss;
    private int samples;

    public void Start(int root) => loop = Task.Run(() => Loop(root, stop.Token));

    /// <summary>Stops sampling (call when the root has exited) and returns the peaks.</summary>
    public async Task<TreePeak> Stop()
    {
        await stop.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        return new TreePeak(peakPss, peakRss, highWater.Values.DefaultIfEmpty(0).Max(), samples);
    }

    private async Task Loop(int root, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Sample(root);
            try
            {
                await Task.Delay(Interval, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Sample(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ReadOrNull($"/proc/{pid}/stat") is { } stat && ProcFiles.ParentPid(stat) is { } ppid)
            {
                parents[pid] = ppid;
            }
        }

        long pss = 0, rss = 0;
        foreach (var pid in ProcFiles.Tree(root, parents))
        {
            // A process that exits between the listing and these reads simply counts nothing.
            if (ReadOrNull($"/proc/{pid}/smaps_rollup") is { } rollup)
            {
                pss += ProcFiles.KilobytesOf(rollup, "Pss");
                rss += ProcFiles.KilobytesOf(rollup, "Rss");
            }

            if (ReadOrNull($"/proc/{pid}/status") is { } status)
            {
                highWater[pid] = Math.Max(highWater.GetValueOrDefault(pid), ProcFiles.KilobytesOf(status, "VmHWM"));
            }
        }

        peakPss = Math.Max(peakPss, pss);
        peakRss = Math.Max(peakRss, rss);
        samples++;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
