using System.Text.Json;
using JuliaNet.Errors;

namespace JuliaNet.Images;

/// <summary>
/// What julia-sysimage records of a background rebuild of an image, beside it
/// (<c>.IMAGE.rebuild.json</c>, written atomically): running while it holds the build lock,
/// failed with its exit code and error when it failed. A build that installs the image removes
/// it. <see cref="Fingerprint"/> is the stamps of the old image's inputs the launch saw, so a
/// failed rebuild is tried again only once an input changes again.
/// </summary>
public sealed record RebuildRecord
{
    public RebuildState State { get; init; } = RebuildState.Running;

    /// <summary><see cref="StaleCheck.Fingerprint"/> of the stale image's watched inputs when the rebuild started.</summary>
    public string Fingerprint { get; init; } = "";

    public int? Pid { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>The one-line error the rebuild ended with.</summary>
    public string? Message { get; init; }

    /// <summary>The rebuild's output (its stdout and stderr).</summary>
    public string? Log { get; init; }

    public IReadOnlyList<string> Command { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFailed => State == RebuildState.Failed;

    /// <summary>A rebuild that runs now: <paramref name="pid"/> holds the image's build lock.</summary>
    public static RebuildRecord Started(RebuildRequest request, int pid, DateTimeOffset startedAt, IReadOnlyList<string> command) => new()
    {
        State = RebuildState.Running, Fingerprint = request.Fingerprint, Pid = pid, StartedAt = startedAt,
        Log = request.Files.RebuildLog, Command = command,
    };

    /// <summary>
    /// A rebuild of <paramref name="request"/>'s inputs that failed now with <paramref name="message"/>
    /// (exit code <paramref name="exitCode"/>; none when it never started): launches do not start it
    /// again until an input changes.
    /// </summary>
    public static RebuildRecord FailedNow(RebuildRequest request, string message, Errors.ExitCode? exitCode, IReadOnlyList<string> command, int? pid = null, DateTimeOffset? startedAt = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new()
        {
            State = RebuildState.Failed, Fingerprint = request.Fingerprint, Pid = pid, StartedAt = startedAt ?? now, FinishedAt = now,
            ExitCode = (int?)exitCode, Message = message, Log = request.Files.RebuildLog, Command = command,
        };
    }

    public static string Serialize(RebuildRecord record) => RebuildRecordJson.Write(record) + "\n";

    /// <summary>
    /// The record in <paramref name="json"/>; null when it is not one, with
    /// <paramref name="unreadable"/> saying why in one line naming the file. An unreadable record
    /// counts as none, never as an error: it is the tools' own bookkeeping beside the image, and a
    /// damaged one must not stop a launch (the rebuild the launch starts replaces it;
    /// <c>julia-sysimage status</c> says so in one warning line).
    /// </summary>
    public static RebuildRecord? Parse(ReadOnlySpan<byte> json, string path, out string? unreadable)
    {
        string why;
        try
        {
            var record = RebuildRecordJson.Read(json, reason => new JsonException(reason));
            unreadable = null;
            return record;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            why = e.Message;
        }

        unreadable = UserError.OneLineOf($"the background rebuild record {path} is unreadable ({why})");
        return null;
    }
}
