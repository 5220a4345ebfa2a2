using JuliaNet.Images;
using JuliaNet.Launching;

namespace JuliaNet.Runtime;

/// <summary>
/// julia-net's side of a background rebuild: start it unless a build of the image runs (its
/// lock is held) or these inputs failed before, and say in one line what it did. A rebuild
/// that cannot even start (julia-sysimage gone, the log not writable) is recorded as failed,
/// as julia-sysimage records a rebuild that fails.
/// </summary>
public static class RebuildStarter
{
    /// <returns>The line to print, or null when there is nothing to say (<see cref="BackgroundRebuild.InProgress"/>, <see cref="BackgroundRebuild.FailedLine"/>).</returns>
    public static string? Start(BackgroundRebuild rebuild, IReadOnlyDictionary<string, string> environment)
    {
        if (rebuild.Failed is { } before)
        {
            return rebuild.FailedLine(before);
        }

        if (BuildLock.IsHeld(rebuild.Image))
        {
            return rebuild.InProgress();
        }

        var program = rebuild.Command[0];
        var (_, error) = Posix.CanExecute(program) && Posix.Mode(program) is { } mode && (mode & Posix.FileTypeMask) == Posix.RegularFile
            ? DetachedProcess.Start(rebuild.Command, rebuild.Request.AddTo(environment), rebuild.Log)
            : (0, $"{program} is not there or not executable");
        if (error is null)
        {
            return rebuild.Started();
        }

        // Not recorded when the image's directory is not writable: the next launch tries again, as cheaply.
        var failed = RebuildRecord.FailedNow(rebuild.Request, $"cannot start the rebuild: {error}", exitCode: null, rebuild.Command);
        RebuildRecordFile.Write(rebuild.Files, failed);
        return rebuild.FailedLine(failed);
    }
}
