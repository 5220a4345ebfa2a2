using System.CommandLine;
using JuliaNet.Building;

namespace JuliaNet.Sysimage;

/// <summary>julia-sysimage's commands: the build (its command line is <see cref="SysimageCommandLine"/>'s) and status; the actions hand what they read to the commands' code.</summary>
internal sealed class SysimageCommand : RootCommand
{
    private readonly SysimageCommandLine line = new();

    public SysimageCommand(Action<SysimageOptions> build, Action<StatusRequest> status, Action<ForgetRequest> forget)
        : base("julia-sysimage: build a Julia system image with your packages baked in, recording julia-net as its launcher.")
    {
        SetAction(result => build(Read(result)));
        Subcommands.Add(StatusCommandLine(status));
        Subcommands.Add(ForgetCommandLine(forget));
        line.AddTo(this);
    }

    private static Command StatusCommandLine(Action<StatusRequest> run)
    {
        var image = new Argument<string?>("IMAGE") { Description = "the image (default: the project's own image, for the project and Julia a build without OUTPUT would use)", Arity = ArgumentArity.ZeroOrOne };
        var project = new Option<string?>("--project") { Description = "the project whose own image to report (default: JULIA_PROJECT, else the project found from the current directory)", HelpName = "DIR" };
        var julia = new Option<string?>("--julia") { Description = "the Julia whose project image to report (default: as for a build)", HelpName = "PATH|+CHANNEL" };
        var json = new Option<bool>("--json") { Description = "one JSON object instead of text" };
        var command = new Command("status", "report an image built by julia-sysimage: its Julia, CPU target, packages against the manifest now, what changed since the build, build time and memory, the rebuild command, whether its bytes are as built (SHA-256); exit 0 when up to date, 80 when out of date, 85 when damaged");
        command.Arguments.Add(image);
        foreach (var option in new Option[] { project, julia, json })
        {
            command.Options.Add(option);
        }

        SysimageCommandLine.RequireNonEmptyValue(project);
        SysimageCommandLine.RequireNonEmptyValue(julia);
        command.SetAction(result => run(new StatusRequest(result.GetValue(image), result.GetValue(project), result.GetValue(julia), result.GetValue(json))));
        return command;
    }

    private static Command ForgetCommandLine(Action<ForgetRequest> run)
    {
        var project = new Option<string?>("--project") { Description = "the project whose learned statements to forget (default: JULIA_PROJECT, else the project found from the current directory)", HelpName = "DIR" };
        var julia = new Option<string?>("--julia") { Description = "the Julia whose project image they are for (default: as for a build)", HelpName = "PATH|+CHANNEL" };
        var command = new Command("forget", "forget what julia-net learned from the project's runs (the statements its next build would replay); the image stays as it is");
        command.Options.Add(project);
        command.Options.Add(julia);
        SysimageCommandLine.RequireNonEmptyValue(project);
        SysimageCommandLine.RequireNonEmptyValue(julia);
        command.SetAction(result => run(new ForgetRequest(result.GetValue(project), result.GetValue(julia))));
        return command;
    }

    /// <summary>An option System.CommandLine does not know, taken as OUTPUT; null when there is none.</summary>
    public string? UnknownOption(ParseResult result) => line.UnknownOption(result);

    public SysimageOptions Read(ParseResult result) => line.Read(result);
}

/// <summary><c>julia-sysimage status</c>'s command line.</summary>
internal sealed record StatusRequest(string? Image, string? Project, string? Julia, bool Json);

/// <summary><c>julia-sysimage forget</c>'s command line.</summary>
internal sealed record ForgetRequest(string? Project, string? Julia);
