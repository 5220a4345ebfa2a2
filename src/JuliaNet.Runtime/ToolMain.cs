using JuliaNet.Errors;

namespace JuliaNet.Runtime;

/// <summary>
/// The one place user-facing errors become output: <c>tool: error: message</c> on one line of
/// stderr and the error's exit code; an unexpected exception is reported the same way (its
/// stack trace only with debug on) with <see cref="ExitCode.Internal"/>. The one place an
/// <see cref="ExitCode"/> becomes the process's int exit status.
/// </summary>
public static class ToolMain
{
    public static int Run(string tool, Func<ExitCode> body, Func<bool> debug) => (int)Outcome(tool, body, debug);

    private static ExitCode Outcome(string tool, Func<ExitCode> body, Func<bool> debug)
    {
        try
        {
            return body();
        }
        catch (UserError e)
        {
            foreach (var line in e.Context)
            {
                Console.Error.WriteLine("  | " + line);
            }

            Console.Error.WriteLine($"{tool}: error: {e.OneLine}");
            return e.ExitCode;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"{tool}: error: internal error: {new UserError(ExitCode.Internal, e.Message).OneLine} (please report this)");
            if (debug())
            {
                Console.Error.WriteLine(e);
            }

            return ExitCode.Internal;
        }
    }
}
