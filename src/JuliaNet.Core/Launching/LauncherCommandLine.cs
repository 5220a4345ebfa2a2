using JuliaNet.Errors;

namespace JuliaNet.Launching;

/// <summary>
/// Splits julia-net's own leading options (and a juliaup <c>+CHANNEL</c>) from Julia's. Only
/// the front of the command line is read; the first argument that is not a launcher option
/// ends them, and it and all that follow go to Julia verbatim.
/// </summary>
public static class LauncherCommandLine
{
    public const string JuliaOption = "--julia";
    public const string DebugOption = "--julia-net-debug";
    public const string InfoOption = "--julia-net-info";
    public const string HelpOption = "--julia-net-help";
    public const string VersionOption = "--julia-net-version";
    public const string InstallWrapperOption = "--julia-net-install-wrapper";
    public const string RemoveWrapperOption = "--julia-net-remove-wrapper";
    public const string SysimageOption = "--sysimage";

    public static LauncherOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LauncherOptions();
        var i = 0;
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (Value(args, ref i, JuliaOption, "the path of the Julia executable") is { } julia)
            {
                options = options with { Julia = julia };
            }
            else if (Value(args, ref i, InstallWrapperOption, "the directory to put the julia wrapper in") is { } installDir)
            {
                return Wrapper(args, i + 1, WithMode(options, LauncherMode.InstallWrapper) with { InstallWrapper = installDir });
            }
            else if (Value(args, ref i, RemoveWrapperOption, "the directory holding the julia wrapper") is { } removeDir)
            {
                return Wrapper(args, i + 1, WithMode(options, LauncherMode.RemoveWrapper) with { RemoveWrapper = removeDir });
            }
            else if (arg == DebugOption)
            {
                options = options with { Debug = true };
            }
            else if (arg == InfoOption)
            {
                options = WithMode(options, LauncherMode.Info);
            }
            else if (arg == HelpOption)
            {
                options = WithMode(options, LauncherMode.Help);
            }
            else if (arg == VersionOption)
            {
                options = WithMode(options, LauncherMode.Version);
            }
            else if (arg.StartsWith('+'))
            {
                options = options with { Channel = Channel(arg, options) };
            }
            else if (arg.StartsWith("--julia-net-", StringComparison.Ordinal))
            {
                throw new UserError(ExitCode.Usage, $"unknown launcher option {arg} (see julia-net --julia-net-help)");
            }
            else
            {
                break;
            }
        }

        return options with { JuliaArgs = args.Skip(i).ToArray() };
    }

    /// <summary>The option that selects each mode, for messages.</summary>
    public static string OptionOf(LauncherMode mode) => mode switch
    {
        LauncherMode.Info => InfoOption,
        LauncherMode.Help => HelpOption,
        LauncherMode.Version => VersionOption,
        LauncherMode.InstallWrapper => InstallWrapperOption,
        LauncherMode.RemoveWrapper => RemoveWrapperOption,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>The options in <paramref name="mode"/>; a usage error when they already name another mode (the same one twice is the same request).</summary>
    private static LauncherOptions WithMode(LauncherOptions options, LauncherMode mode) =>
        options.Mode == LauncherMode.Run || options.Mode == mode
            ? options with { Mode = mode }
            : throw new UserError(ExitCode.Usage, $"{OptionOf(options.Mode)} does not go with {OptionOf(mode)}: give one of them (see julia-net --julia-net-help)");

    /// <summary>
    /// The value of <paramref name="name"/> at <paramref name="i"/> (as <c>NAME VALUE</c> or
    /// <c>NAME=VALUE</c>, moving <paramref name="i"/> past it), or null when the argument is
    /// another one. An empty or missing value is a usage error.
    /// </summary>
    private static string? Value(IReadOnlyList<string> args, ref int i, string name, string what)
    {
        string? value;
        if (args[i] == name)
        {
            value = i + 1 < args.Count ? args[++i] : "";
        }
        else if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
        {
            value = args[i][(name.Length + 1)..];
        }
        else
        {
            return null;
        }

        return value.Length > 0 ? value : throw new UserError(ExitCode.Usage, $"option {name} requires a value ({what})");
    }

    /// <summary>
    /// <c>+CHANNEL</c>, as juliaup's launcher reads its first argument (src/bin/julialauncher.rs):
    /// julia-net takes it among its own leading options, once, and never passes it to Julia.
    /// </summary>
    private static string Channel(string arg, LauncherOptions options)
    {
        if (options.Channel is not null)
        {
            throw new UserError(ExitCode.Usage, $"two juliaup channels: +{options.Channel} and {arg}");
        }

        return arg.Length > 1 ? arg[1..] : throw new UserError(ExitCode.Usage, "+ needs a juliaup channel name (+CHANNEL, such as +release or +1.10)");
    }

    /// <summary>What may follow the wrapper commands: --sysimage and --julia (install only), nothing else.</summary>
    private static LauncherOptions Wrapper(IReadOnlyList<string> args, int start, LauncherOptions options)
    {
        var command = OptionOf(options.Mode);
        if (options.Channel is not null)
        {
            throw new UserError(ExitCode.Usage, $"+{options.Channel} does not go with {command} (to make the wrapper run a channel: {InstallWrapperOption} DIR --julia +CHANNEL)");
        }

        for (var i = start; i < args.Count; i++)
        {
            if (options.InstallWrapper is not null && Value(args, ref i, SysimageOption, "the default system image for the wrapper") is { } image)
            {
                options = options with { WrapperSysimage = image };
            }
            else if (options.InstallWrapper is not null && Value(args, ref i, JuliaOption, "the path of the Julia executable") is { } julia)
            {
                options = options with { Julia = julia };
            }
            else
            {
                throw new UserError(ExitCode.Usage, $"unexpected argument {args[i]} after {command} (see julia-net --julia-net-help)");
            }
        }

        return options;
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
