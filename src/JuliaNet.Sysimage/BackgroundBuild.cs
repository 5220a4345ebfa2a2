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
internal sealed class BackgroundBuild(RebuildRequest request, IReadOnlyList<string> command)
{
    public const int Niceness = 10;

    private DateTimeOffset startedAt = DateTimeOffset.UtcNow;

    public static BackgroundBuild? FromEnvironment(ProcessFacts process) =>
        RebuildRequest.From(process) is { } request ? new BackgroundBuild(request, [process.ProgramPath, .. Environment.GetCommandLineArgs().Skip(1)]) : null;

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
            RebuildRecordFile.Remove(request.Files);
            throw;
        }
        catch (UserError e)
        {
            Record(RebuildRecord.FailedNow(request, e.OneLine, e.ExitCode, command, Environment.ProcessId, startedAt));
            throw;
        }
        catch (Exception e)
        {
            Record(RebuildRecord.FailedNow(request, "internal error: " + e.Message, ExitCode.Internal, command, Environment.ProcessId, startedAt));
            throw;
        }
    }

    /// <summary>This process holds the build lock: the log starts afresh and the record says it runs.</summary>
    public void Started()
    {
        File.WriteAllText(request.Files.RebuildLog, ""); // this process appends to it (O_APPEND): its next line is the first
        startedAt = DateTimeOffset.UtcNow;
        Console.Error.WriteLine($"julia-sysimage: background rebuild of {request.Image}, started {startedAt:yyyy-MM-dd HH:mm:ss} UTC (pid {Environment.ProcessId})");
        Record(RebuildRecord.Started(request, Environment.ProcessId, startedAt, command));
    }

    private void Record(RebuildRecord record)
    {
        if (RebuildRecordFile.Write(request.Files, record) is { } error)
        {
            Console.Error.WriteLine($"julia-sysimage: cannot record the background rebuild in {request.Files.RebuildRecord}: {error}");
        }
    }
}
