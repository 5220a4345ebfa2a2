using JuliaNet.Errors;

namespace JuliaNet.Runtime;

/// <summary>
/// The one place user-facing errors become output: <c>tool: error: message</c> on one line of
/// stderr and the error's exit code; an unexpected exception is reported the same way (its
/// stack trace only with debug on) with <see cref="ExitCodes.Internal"/>.
/// </summary>
public static class ToolMain
{
    public static int Run(string tool, Func<int> body, Func<bool> debug)
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
            Console.Error.WriteLine($"{tool}: error: internal error: {new UserError(ExitCodes.Internal, e.Message).OneLine} (please report this)");
            if (debug())
            {
                Console.Error.WriteLine(e);
            }

            return ExitCodes.Internal;
        }
    }
}
