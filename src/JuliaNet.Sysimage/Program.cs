using System.CommandLine;
using JuliaNet.Errors;
using JuliaNet.Runtime;
using JuliaNet.Sysimage;

var debug = false;
return ToolMain.Run("julia-sysimage", () =>
{
    var command = new SysimageCommand(
        options =>
        {
            debug = options.Debug;
            return BuildCommand.Run(options);
        },
        request => StatusCommand.Run(request.Image, request.Project, request.Julia, request.Json));
    // No response files: an argument starting with @ is a value (--project @NAME, @.), never a file to read.
    var parse = command.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    if (command.UnknownOption(parse) is { } unknown)
    {
        throw new UserError(ExitCodes.Usage, $"unknown option {unknown} (see julia-sysimage --help)");
    }

    if (parse.Errors.Count > 0)
    {
        throw new UserError(ExitCodes.Usage, string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.'))) + " (see julia-sysimage --help)");
    }

    // --help and --version are System.CommandLine's; errors propagate to ToolMain as one line.
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}, () => debug);
