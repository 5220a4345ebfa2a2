using System.Globalization;
using System.Runtime.InteropServices;
using JuliaNet.Bench.Measure;

namespace JuliaNet.Bench.Running;

/// <summary>The machine and the software measured, for the report's header.</summary>
public static class MachineInfo
{
    /// <summary>The 1-minute load average, from /proc/loadavg.</summary>
    public static string LoadAverage() => ReadOrNull("/proc/loadavg")?.Split(' ')[0] ?? "?";

    public static async Task<Machine> Read(Runner runner, string julia, string loadAtStart)
    {
        var (_, juliaVersion) = await runner.Capture(new Cmd(julia, ["--version"]));
        return new Machine(
            Cpu: FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Cores: Environment.ProcessorCount,
            Memory: MemoryTotal(),
            Os: $"{FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription}, kernel {ReadOrNull("/proc/sys/kernel/osrelease")?.Trim() ?? "?"}",
            Julia: juliaVersion.Trim(),
            DotNet: RuntimeInformation.FrameworkDescription,
            Commit: await Commit(runner),
            Date: DateTimeOffset.UtcNow,
            Load: $"{loadAtStart} at the start, {LoadAverage()} at the end");
    }

    private static string MemoryTotal()
    {
        var kb = FirstValue("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(kb, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? $"{n / 1024.0 / 1024.0:0.0} GiB" : "?";
    }

    /// <summary>The commit measured, marked when the working tree has uncommitted changes.</summary>
    private static async Task<string> Commit(Runner runner)
    {
        try
        {
            var (_, head) = await runner.Capture(new Cmd("git", ["rev-parse", "--short", "HEAD"]));
            var (_, status) = await runner.Capture(new Cmd("git", ["status", "--porcelain", "--untracked-files=no"]));
            return head.Trim() + (status.Trim().Length > 0 ? " with local changes" : "");
        }
        catch (BenchError)
        {
            return "unknown (not a git checkout)";
        }
    }

    private static string? FirstValue(string file, string key, char separator = ':') =>
        ReadOrNull(file)?.Split('\n')
            .Select(line => line.Split(separator, 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == key)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();

    private static string? ReadOrNull(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
