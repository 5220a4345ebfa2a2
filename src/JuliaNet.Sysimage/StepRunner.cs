using CliWrap;
using JuliaNet.Building;
using JuliaNet.Errors;
using Serilog;

namespace JuliaNet.Sysimage;

/// <summary>
/// Runs the build's steps (<see cref="BuildStep"/>): argument lists, no shell; the process's
/// output teed line by line to the build log (one stream, open for the whole build) and to a
/// bounded tail; stopped, with its children, when the build is cancelled. A failure becomes a
/// one-line error naming the step and the log, carrying the tail; the log records how the
/// process ended. A log that cannot be written (a full disk) fails the step. With a stats
/// file (<see cref="Processes.EnvironmentVariables.StepStats"/>; docs/julia-sysimage.md, "Step statistics"),
/// each process runs under GNU time, which appends one JSON line
/// <c>{"step":…,"seconds":…,"maxRssKb":…}</c>: wall time, and the largest peak resident memory
/// of the process and the descendants it waited for; <c>-q</c> keeps GNU time's note about a
/// failed command out of the file, so that every line is JSON.
/// </summary>
internal sealed class StepRunner : IDisposable
{
    private const string GnuTime = "/usr/bin/time";

    private readonly BuildLog log;
    private readonly ILogger debug;
    private readonly CancellationToken cancel;
    private readonly string? statsPath;

    public StepRunner(string logPath, ILogger debug, CancellationToken cancel, string? statsPath = null)
    {
        log = new BuildLog(logPath);
        this.debug = debug;
        this.cancel = cancel;
        this.statsPath = statsPath;
    }

    public string LogPath => log.Path;

    /// <param name="explain">
    /// Asked when the process failed by itself (not when an output rule stopped it: the line
    /// that stopped it is the cause, whatever the process wrote after): a more precise error
    /// than the exit code, given the output's tail, or null.
    /// </param>
    public void Run(BuildStep step, Func<IReadOnlyList<string>, UserError?>? explain = null)
    {
        debug.Debug("{Step}: {Program} {Args}", step.Name, step.Program, step.Arguments);
        log.Header(step);
        var tail = new OutputTail();
        string? refused = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel); // a refused line stops the step at once
        void Line(string line)
        {
            log.Line(line);
            tail.Add(line);
            if (step.Refuse is { } rule && rule.Pattern.IsMatch(line) && Interlocked.CompareExchange(ref refused, line, null) is null)
            {
                stop.Cancel();
            }
        }

        var (program, args) = statsPath is null
            ? (step.Program, step.Arguments)
            : (GnuTime, (IReadOnlyList<string>)["-q", "-a", "-o", statsPath, "-f", $"{{\"step\":\"{step.Name}\",\"seconds\":%e,\"maxRssKb\":%M}}", step.Program, .. step.Arguments]);
        CommandResult result;
        try
        {
            result = Cli.Wrap(program)
                .WithArguments(args)
                .WithEnvironmentVariables(step.Environment)
                .WithStandardInputPipe(PipeSource.Null)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(Line))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(Line))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(stop.Token)
                .GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (refused is not null && !cancel.IsCancellationRequested)
        {
            throw Refusal(step, refused, tail);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            throw new UserError(ExitCode.BuildFailed, $"{step.Name}: cannot start {program}: {e.Message} (log: {LogPath})");
        }

        if (refused is not null) // seen as the process ended
        {
            throw Refusal(step, refused, tail);
        }

        var name = Path.GetFileName(step.Program);
        if (result.ExitCode != 0)
        {
            var how = result.ExitCode > 128 ? $"was killed by signal {result.ExitCode - 128}" : $"failed with exit code {result.ExitCode}";
            log.Footer($"{step.Name}: {name} {how}"); // if it fails, the error below still says it
            throw explain?.Invoke(tail.Lines()) ?? new UserError(ExitCode.BuildFailed, $"{step.Name}: {name} {how} (log: {LogPath})", tail.Lines());
        }

        log.ThrowIfFailed(step.Name);
    }

    public void Dispose() => log.Dispose();

    private UserError Refusal(BuildStep step, string line, OutputTail tail)
    {
        log.Footer($"{step.Name}: stopped on: {line}");
        return new UserError(ExitCode.BuildFailed, $"{step.Name}: {step.Refuse!.Reason}: {line} (log: {LogPath})", tail.Lines());
    }
}
