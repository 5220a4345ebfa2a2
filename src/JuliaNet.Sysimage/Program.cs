using System.CommandLine;
using JuliaNet.Errors;
using JuliaNet.Runtime;
using JuliaNet.Sysimage;

var debug = false;
var exit = ExitCode.Success;
return ToolMain.Run("julia-sysimage", () =>
{
    var command = new SysimageCommand(
        options =>
        {
            debug = options.Debug;
            exit = BuildCommand.Run(options);
        },
        request => exit = StatusCommand.Run(request.Image, request.Project, request.Julia, request.Json),
        request => exit = ForgetCommand.Run(request.Project, request.Julia));
    // No response files: an argument starting with @ is a value (--project @NAME, @.), never a file to read.
    var parse = command.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    if (command.UnknownOption(parse) is { } unknown)
    {
        throw new UserError(ExitCode.Usage, $"unknown option {unknown} (see julia-sysimage --help)");
    }

    if (parse.Errors.Count > 0)
    {
        throw new UserError(ExitCode.Usage, string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.'))) + " (see julia-sysimage --help)");
    }

    // --help and --version are System.CommandLine's (status 0); the commands set exit. Errors
    // propagate to ToolMain as one line.
    var status = parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    return status == 0 ? exit : throw new InvalidOperationException($"System.CommandLine ended with status {status}");
}, () => debug);
