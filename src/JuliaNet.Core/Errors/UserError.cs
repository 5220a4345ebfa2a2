namespace JuliaNet.Errors;

/// <summary>
/// The one exception type for problems the user can fix. The entry points print
/// <c>tool: error: Message</c> on one line of stderr and exit with <see cref="ExitCode"/>,
/// never a stack trace.
/// </summary>
/// <param name="context">Lines printed before the error line (the last output of a failed build step), or none.</param>
public sealed class UserError(int exitCode, string message, IReadOnlyList<string>? context = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public IReadOnlyList<string> Context { get; } = context ?? [];

    /// <summary>The message on one line: newlines inside paths or values are shown escaped.</summary>
    public string OneLine => Message.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
