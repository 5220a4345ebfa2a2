using JuliaNet.Errors;

namespace JuliaNet.Launching;

/// <summary>
/// Splits julia-net's own leading options from Julia's. Only the front of the command line
/// is read; the first argument that is not a launcher option ends them, and it and all that
/// follow go to Julia verbatim.
/// </summary>
public static class LauncherCommandLine
{
    public const string JuliaOption = "--julia";
    public const string DebugOption = "--julia-net-debug";
    public const string InfoOption = "--julia-net-info";
    public const string HelpOption = "--julia-net-help";
    public const string VersionOption = "--julia-net-version";

    public static LauncherOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LauncherOptions();
        var i = 0;
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == JuliaOption)
            {
                if (i + 1 >= args.Count || args[i + 1].Length == 0)
                {
                    throw new UserError(ExitCodes.Usage, "option --julia requires a value (the path of the Julia executable)");
                }

                options = options with { Julia = args[++i] };
            }
            else if (arg.StartsWith(JuliaOption + "=", StringComparison.Ordinal))
            {
                var value = arg[(JuliaOption.Length + 1)..];
                if (value.Length == 0)
                {
                    throw new UserError(ExitCodes.Usage, "option --julia requires a value (the path of the Julia executable)");
                }

                options = options with { Julia = value };
            }
            else if (arg == DebugOption)
            {
                options = options with { Debug = true };
            }
            else if (arg == InfoOption)
            {
                options = options with { Info = true };
            }
            else if (arg == HelpOption)
            {
                options = options with { Help = true };
            }
            else if (arg == VersionOption)
            {
                options = options with { Version = true };
            }
            else if (arg.StartsWith("--julia-net-", StringComparison.Ordinal))
            {
                throw new UserError(ExitCodes.Usage, $"unknown launcher option {arg} (see julia-net --julia-net-help)");
            }
            else
            {
                break;
            }
        }

        return options with { JuliaArgs = args.Skip(i).ToArray() };
    }

    /// <summary>
    /// Whether <c>JULIA_DEBUG</c> turns julia-net's debug log on: it names <c>julia-net</c>
    /// or <c>all</c>, and not <c>!julia-net</c> (Julia's own syntax for the variable).
    /// </summary>
    public static bool DebugFromEnvironment(string? juliaDebug)
    {
        if (string.IsNullOrEmpty(juliaDebug))
        {
            return false;
        }

        var on = false;
        foreach (var raw in juliaDebug.Split(','))
        {
            var item = raw.Trim();
            if (item == "!julia-net")
            {
                return false;
            }

            on |= item is "julia-net" or "all";
        }

        return on;
    }
}
