using System.Diagnostics;
using System.Globalization;

namespace JuliaNet.IntegrationTests;

/// <summary>A process as /proc/PID/stat shows it; <see cref="Started"/> tells a reused pid from the original.</summary>
internal sealed record ProcessStat(int Pid, int Parent, char State, string Started, string Name)
{
    public override string ToString() => $"{Pid} ({Name})";
}

/// <summary>The processes of a test's build, from /proc (Linux): who descends from whom, who is still running, signals.</summary>
internal static class ProcessTree
{
    public static void Kill(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>
    /// The processes below <paramref name="root"/> (walking /proc/*/stat parent ids), each
    /// with its start time, so that a reused pid is not taken for a survivor.
    /// </summary>
    public static Dictionary<int, ProcessStat> Descendants(int root)
    {
        var all = Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? Stat(pid) : null)
            .OfType<ProcessStat>()
            .ToList();
        var found = new Dictionary<int, ProcessStat>();
        var parents = new Queue<int>([root]);
        while (parents.TryDequeue(out var parent))
        {
            foreach (var child in all.Where(p => p.Parent == parent && found.TryAdd(p.Pid, p)))
            {
                parents.Enqueue(child.Pid);
            }
        }

        return found;
    }

    public static ProcessStat? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // from field 3, state: the name may hold spaces
            var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
            return new ProcessStat(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), fields[0][0], fields[19], name);
        }
        catch (IOException)
        {
            return null; // gone meanwhile
        }
    }

    /// <summary>Waits for the processes to be gone (or zombies, which are not ours to reap); returns those still running.</summary>
    public static async Task<List<ProcessStat>> WaitGoneAsync(Dictionary<int, ProcessStat> processes, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var running = processes.Values.Where(p => Stat(p.Pid) is { } now && now.Started == p.Started && now.State != 'Z').ToList();
            if (running.Count == 0 || watch.Elapsed >= limit)
            {
                return running;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Processes whose command line mentions <paramref name="text"/> (a build directory, say).</summary>
    public static List<string> Mentioning(string text) =>
        Pids(cmd => cmd.Contains(text, StringComparison.Ordinal)).Select(pid => pid + ": " + CommandLine(pid)).ToList();

    /// <summary>The pids of the running processes whose command line (arguments joined by spaces) matches.</summary>
    public static List<int> Pids(Func<string, bool> match) =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid) is { Length: > 0 } cmd && match(cmd))
            .ToList();

    /// <summary>A process's command line, its arguments joined by spaces; empty when it is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
