using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Launching;
using JuliaNet.Processes;
using JuliaNet.Runtime;

namespace JuliaNet.Sysimage;

/// <summary>
/// julia-sysimage started by julia-net to rebuild an out-of-date image in the background
/// (<see cref="BackgroundRebuild"/>'s variables in its environment): at a lower priority, only
/// if no other build of the image runs, and with its state recorded beside the image
/// (<see cref="RebuildRecord"/>): running while it builds, failed with its error when it fails
/// (so launches do not start it again until an input changes), removed when the image is
/// installed or already up to date, and when it is interrupted (so the next launch retries).
/// </summary>
internal sealed class BackgroundBuild(string image, string fingerprint, IReadOnlyList<string> command)
{
    public const int Niceness = 10;

    private DateTimeOffset startedAt = DateTimeOffset.UtcNow;

    public static BackgroundBuild? FromEnvironment(ProcessFacts process) =>
        process.Env(EnvironmentVariables.RebuildOf) is { } image
            ? new BackgroundBuild(
                Path.GetFullPath(image, process.WorkingDirectory),
                process.Env(EnvironmentVariables.RebuildFingerprint) ?? "",
                [process.ProgramPath, .. Environment.GetCommandLineArgs().Skip(1)])
            : null;

    /// <summary>Runs the build at a lower priority, recording how it ended.</summary>
    public ExitCode Run(Func<ExitCode> build)
    {
        DetachedProcess.LowerPriority(Niceness);
        try
        {
            return build();
        }
        catch (UserError e) when (e.ExitCode == ExitCode.Interrupted)
        {
            Forget(image);
            throw;
        }
        catch (UserError e)
        {
            Record(RebuildRecord.Failed, e.ExitCode, e.OneLine);
            throw;
        }
        catch (Exception e)
        {
            Record(RebuildRecord.Failed, ExitCode.Internal, "internal error: " + e.Message);
            throw;
        }
    }

    /// <summary>This process holds the build lock: the log starts afresh and the record says it runs.</summary>
    public void Started()
    {
        File.WriteAllText(RebuildRecord.LogPathFor(image), ""); // this process appends to it (O_APPEND): its next line is the first
        startedAt = DateTimeOffset.UtcNow;
        Console.Error.WriteLine($"julia-sysimage: background rebuild of {image}, started {startedAt:yyyy-MM-dd HH:mm:ss} UTC (pid {Environment.ProcessId})");
        Record(RebuildRecord.Running, null, null);
    }

    /// <summary>Removes the record: the image is in place and up to date, or the rebuild was interrupted.</summary>
    public static void Forget(string image)
    {
        try
        {
            File.Delete(RebuildRecord.PathFor(image));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private void Record(string state, ExitCode? exitCode, string? message)
    {
        var record = new RebuildRecord
        {
            State = state, Fingerprint = fingerprint, Pid = Environment.ProcessId, StartedAt = startedAt,
            FinishedAt = state == RebuildRecord.Failed ? DateTimeOffset.UtcNow : null, ExitCode = (int?)exitCode, Message = message,
            Log = RebuildRecord.LogPathFor(image), Command = command,
        };
        try
        {
            AtomicFile.WriteAllText(RebuildRecord.PathFor(image), RebuildRecord.Serialize(record));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"julia-sysimage: cannot record the background rebuild in {RebuildRecord.PathFor(image)}: {e.Message}");
        }
    }
}
