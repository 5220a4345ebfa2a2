using System.Collections;
using JuliaNet.Processes;

namespace JuliaNet.Runtime;

/// <summary>Reads what the planners need of this process, once.</summary>
public static class ThisProcess
{
    public static ProcessFacts Read()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            env[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        var cwd = Environment.CurrentDirectory;
        var home = env.GetValueOrDefault(EnvironmentVariables.Home) is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var platform = OperatingSystem.IsWindows() ? Platform.Windows : OperatingSystem.IsMacOS() ? Platform.MacOS : Platform.Linux;
        var processPath = Environment.ProcessPath ?? "";
        var invoked = InvokedPath(cwd, env.GetValueOrDefault(EnvironmentVariables.Path), platform) ?? processPath;
        var self = new HashSet<string>(StringComparer.Ordinal)
        {
            RealFileProbe.Instance.RealPath(processPath),
            RealFileProbe.Instance.RealPath(invoked),
        };
        return new ProcessFacts(env, cwd, home, invoked, self, platform) { ProcessId = Environment.ProcessId, StartedMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
    }

    /// <summary>
    /// The absolute path this program was invoked by, not resolved through symlinks: argv[0]
    /// made absolute, or looked up on PATH as the shell did when it has no directory part.
    /// </summary>
    private static string? InvokedPath(string cwd, string? path, Platform platform)
    {
        var argv0 = ReadArgv0();
        if (string.IsNullOrEmpty(argv0))
        {
            return null;
        }

        if (argv0.Contains('/', StringComparison.Ordinal) || (platform == Platform.Windows && argv0.Contains('\\', StringComparison.Ordinal)))
        {
            return Path.GetFullPath(argv0, cwd);
        }

        return Paths.ExecutableSearch.Candidates(path, cwd, platform == Platform.Windows, argv0)
            .FirstOrDefault(candidate => Paths.ExecutableSearch.IsExecutableFile(candidate, RealFileProbe.Instance));
    }

    private static string? ReadArgv0()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var cmdline = File.ReadAllBytes("/proc/self/cmdline");
                var end = Array.IndexOf(cmdline, (byte)0);
                return System.Text.Encoding.UTF8.GetString(cmdline, 0, end < 0 ? cmdline.Length : end);
            }
            catch (IOException)
            {
                return null;
            }
        }

        return OperatingSystem.IsWindows() ? null : Environment.GetCommandLineArgs().FirstOrDefault();
    }
}
