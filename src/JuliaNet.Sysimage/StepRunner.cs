using System.Text;
using CliWrap;
using JuliaNet.Errors;
using Serilog;

namespace JuliaNet.Sysimage;

/// <summary>
/// Runs one build process: argument list (no shell), its output appended to the build log,
/// stopped (with its children) when the build is cancelled. A failure becomes a one-line
/// error naming the step and the log, after the last lines of the process's output; the log
/// records how the process ended. A log that cannot be written (a full disk) fails the step.
/// With a stats file (JULIA_NET_STEP_STATS), each process runs under GNU time, which appends
/// one JSON line <c>{"step":…,"seconds":…,"maxRssKb":…}</c>: wall time and the peak resident
/// memory of the process and its descendants (Linux only; used by tools/bench).
/// </summary>
internal sealed class StepRunner(string logPath, ILogger log, CancellationToken cancel, string? statsPath = null)
{
    private const string GnuTime = "/usr/bin/time";

    private const int TailLines = 15;

    public string LogPath => logPath;

    public string Run(string step, string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? env = null, string? workingDirectory = null)
    {
        log.Debug("{Step}: {Program} {Args}", step, program, args);
        var output = new StringBuilder();
        var tail = new Queue<string>();
        IOException? logError = null;
        void Collect(string line)
        {
            lock (tail)
            {
                output.AppendLine(line);
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }

                logError ??= TryAppend(line + "\n"); // reported when the process has ended: its output must still be read
            }
        }

        if (TryAppend($"\n=== {step}: {program} {string.Join(' ', args.Select(Quote))}\n") is { } headerError)
        {
            throw LogFailure(step, headerError);
        }

        var command = statsPath is null ? program : GnuTime;
        IReadOnlyList<string> commandArgs = statsPath is null
            ? args
            : ["-a", "-o", statsPath, "-f", $"{{\"step\":\"{step}\",\"seconds\":%e,\"maxRssKb\":%M}}", program, .. args];
        CommandResult result;
        try
        {
            result = Cli.Wrap(command)
                .WithArguments(commandArgs)
                .WithEnvironmentVariables(env ?? new Dictionary<string, string?>())
                .WithWorkingDirectory(workingDirectory ?? Environment.CurrentDirectory)
                .WithStandardInputPipe(PipeSource.Null)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(Collect))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(Collect))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(cancel)
                .GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            throw new UserError(ExitCodes.BuildFailed, $"{step}: cannot start {command}: {e.Message} (log: {logPath})");
        }

        if (result.ExitCode != 0)
        {
            lock (tail)
            {
                foreach (var line in tail)
                {
                    Console.Error.WriteLine("  | " + line);
                }
            }

            var how = result.ExitCode > 128 ? $"was killed by signal {result.ExitCode - 128}" : $"failed with exit code {result.ExitCode}";
            _ = TryAppend($"=== {step}: {Path.GetFileName(program)} {how}\n"); // if it fails, the error line below still says it

            throw new UserError(ExitCodes.BuildFailed, $"{step}: {Path.GetFileName(program)} {how} (log: {logPath})");
        }

        return logError is null ? output.ToString() : throw LogFailure(step, logError);
    }

    /// <summary>Appends to the build log; the error, or null, rather than an exception (a full disk fails the step, not the tool).</summary>
    private IOException? TryAppend(string text)
    {
        try
        {
            File.AppendAllText(logPath, text);
            return null;
        }
        catch (IOException e)
        {
            return e;
        }
    }

    private UserError LogFailure(string step, IOException e) =>
        new(ExitCodes.BuildFailed, $"{step}: cannot write the log: {e.Message} (log: {logPath})");

    private static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_=./:,+@".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
