namespace JuliaNet.Errors;

/// <summary>
/// The one exception type for problems the user can fix. The entry points print
/// <c>tool: error: Message</c> on one line of stderr and exit with <see cref="ExitCode"/>,
/// never a stack trace.
/// </summary>
/// <param name="code">Why the tool stops, as its exit code.</param>
/// <param name="context">Lines printed before the error line (the last output of a failed build step), or none.</param>
public sealed class UserError(ExitCode code, string message, IReadOnlyList<string>? context = null) : Exception(message)
{
    public ExitCode ExitCode { get; } = code;

    public IReadOnlyList<string> Context { get; } = context ?? [];

    /// <summary>The message on one line: newlines inside paths or values are shown escaped.</summary>
    public string OneLine => OneLineOf(Message);

    /// <summary><paramref name="text"/> on one line, as <see cref="OneLine"/> shows a message (for a problem reported without an error: a warning).</summary>
    public static string OneLineOf(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
