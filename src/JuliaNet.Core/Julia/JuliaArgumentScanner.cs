using JuliaNet.Errors;
using JuliaNet.Paths;

namespace JuliaNet.Julia;

/// <summary>
/// Reads Julia's options the way Julia's getopt does, up to the program file (the first
/// non-option), <c>--</c>, or <c>-m</c>'s module, to find <c>-J</c>/<c>--sysimage</c> and
/// <c>-C</c>/<c>--cpu-target</c> in all spellings, and <c>--project</c>. The image options are removed (julia-net
/// passes its own absolute <c>-J</c>); everything else is kept verbatim.
/// </summary>
public static class JuliaArgumentScanner
{
    public static JuliaArguments Scan(IReadOnlyList<string> args)
    {
        string? image = null, cpu = null, project = null;
        var trace = false;
        var rest = new List<string>(args.Count);
        var i = 0;
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--" || arg.Length < 2 || arg[0] != '-')
            {
                break;
            }

            var consumed = arg.StartsWith("--", StringComparison.Ordinal)
                ? ScanLong(args, i, ref image, ref cpu, ref project, ref trace, rest, out var endsOptions)
                : ScanShortCluster(args, i, ref image, ref cpu, rest, out endsOptions);
            i += consumed;
            if (endsOptions)
            {
                i++;
                break;
            }
        }

        for (; i < args.Count; i++)
        {
            rest.Add(args[i]);
        }

        return new JuliaArguments(image, cpu, rest, project, trace);
    }

    /// <summary>Returns how many extra arguments (values) were consumed.</summary>
    private static int ScanLong(IReadOnlyList<string> args, int i, ref string? image, ref string? cpu, ref string? project, ref bool trace, List<string> rest, out bool endsOptions)
    {
        endsOptions = false;
        var arg = args[i];
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        var name = eq < 0 ? arg[2..] : arg[2..eq];
        var kind = JuliaOptionTable.LongKind(name);
        string? value = eq < 0 ? null : arg[(eq + 1)..];
        var consumed = 0;
        if (kind == OptionValue.Required && value is null)
        {
            value = i + 1 < args.Count ? args[i + 1] : throw MissingValue("--" + name);
            consumed = 1;
        }

        switch (name)
        {
            case "sysimage":
                image = value;
                return consumed;
            case "cpu-target":
                cpu = value;
                break;
            case "project":
                project = value ?? ProjectLocator.Nearest; // an optional value: only --project=DIR gives one
                break;
            case "trace-compile":
                trace = true;
                break;
            case "module":
                endsOptions = true; // like -m (1.11+): what follows are the module's arguments
                break;
        }

        rest.Add(arg);
        if (consumed == 1)
        {
            rest.Add(args[i + 1]);
        }

        return consumed;
    }

    private static int ScanShortCluster(IReadOnlyList<string> args, int i, ref string? image, ref string? cpu, List<string> rest, out bool endsOptions)
    {
        endsOptions = false;
        var arg = args[i];
        for (var k = 1; k < arg.Length; k++)
        {
            var name = arg[k];
            if (JuliaOptionTable.ShortKind(name) != OptionValue.Required)
            {
                continue;
            }

            var attached = k + 1 < arg.Length;
            var value = attached ? arg[(k + 1)..] : i + 1 < args.Count ? args[i + 1] : throw MissingValue("-" + name);
            var consumed = attached ? 0 : 1;
            var prefix = arg[..k];
            switch (name)
            {
                case 'J':
                    image = value;
                    if (prefix != "-")
                    {
                        rest.Add(prefix);
                    }

                    return consumed;
                case 'C':
                    cpu = value;
                    break;
                case 'm':
                    endsOptions = true;
                    break;
            }

            rest.Add(arg);
            if (!attached)
            {
                rest.Add(args[i + 1]);
            }

            return consumed;
        }

        rest.Add(arg);
        return 0;
    }

    private static UserError MissingValue(string option) =>
        new(ExitCode.Usage, $"option {option} requires a value");
}
