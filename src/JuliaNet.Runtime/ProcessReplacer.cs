using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using JuliaNet.Errors;

namespace JuliaNet.Runtime;

/// <summary>
/// Runs the planned program in place of this one. Unix: execv (same pid, Julia's own
/// signals and exit status, stdio and terminal untouched). Windows: a child with inherited
/// handles, whose exit code this process exits with. Julia's status is Julia's, not one of the
/// tool's <see cref="ExitCode"/>s, so it never passes through them.
/// </summary>
public static class ProcessReplacer
{
    /// <summary>Never returns: this process becomes Julia (Unix) or exits with its status (Windows); a Julia that cannot be started is a <see cref="UserError"/>.</summary>
    [DoesNotReturn]
    public static void Replace(string program, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string> current)
    {
        // Nothing to flush before exec: julia-net writes to stdout only when it does not exec,
        // and .NET's Console writers flush every write (touching them here would only set up
        // the console, which costs start-up time on a terminal).
        if (OperatingSystem.IsWindows())
        {
            RunChild(program, argv, environment);
        }
        else
        {
            Exec(program, argv, environment, current);
        }
    }

    [DoesNotReturn]
    private static void Exec(string program, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string> current)
    {
        // execv passes the process's native environment: bring it to the planned one.
        foreach (var (name, value) in environment)
        {
            if (!current.TryGetValue(name, out var old) || old != value)
            {
                if (Posix.SetEnv(name, value, 1) != 0)
                {
                    throw new UserError(ExitCode.ExecFailed, $"cannot set {name} for julia");
                }
            }
        }

        foreach (var name in current.Keys.Where(name => !environment.ContainsKey(name)))
        {
            Posix.UnsetEnv(name);
        }

        // libc's execv (not Mono.Posix's: see Posix.Execv). It needs a NULL-terminated argv; the
        // string[] marshaller does not add one.
        Posix.Execv(program, [.. argv, null]);
        var errno = Marshal.GetLastPInvokeError();
        throw new UserError(ExitCode.ExecFailed, $"cannot start julia {program}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    [DoesNotReturn]
    private static void RunChild(string program, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Console.CancelKeyPress += (_, e) => e.Cancel = true; // the child gets Ctrl-C itself
        using var child = Process.Start(start) ?? throw new UserError(ExitCode.ExecFailed, $"cannot start julia {program}");
        child.WaitForExit();
        Environment.Exit(child.ExitCode);
    }
}
