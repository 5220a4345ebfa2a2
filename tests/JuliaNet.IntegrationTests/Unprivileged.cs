namespace JuliaNet.IntegrationTests;

/// <summary>
/// Running a tool where file modes apply. Root ignores them (it reads a mode-000 file and
/// writes in a mode-555 directory), so under root the tool runs as nobody through setpriv;
/// any other user is subject to modes already and runs the tool directly.
/// </summary>
public static class Unprivileged
{
    private const string Nobody = "65534";

    public static bool IsRoot { get; } =
        File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            .Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[2] == "0";

    private static string? Setpriv { get; } = Tools.Which("setpriv");

    /// <summary>Why file modes cannot be made to apply here, or null when they can.</summary>
    public static string? SkipReason =>
        IsRoot && Setpriv is null ? "tests run as root and setpriv is not on PATH: root ignores file modes, and there is no way to drop to nobody" : null;

    /// <summary>The program and arguments that run <paramref name="program"/> subject to file modes.</summary>
    public static (string Program, IReadOnlyList<string> Args) Wrap(string program, IReadOnlyList<string> args) =>
        IsRoot ? (Setpriv!, [$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", program, .. args]) : (program, args);
}

/// <summary>A theory that needs file modes to apply (<see cref="Unprivileged"/>): skipped, saying why, when they cannot.</summary>
public sealed class UnprivilegedTheoryAttribute : TheoryAttribute
{
    public UnprivilegedTheoryAttribute()
    {
        Skip = Unprivileged.SkipReason!;
    }
}
