using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace JuliaNet.Runtime;

/// <summary>Serilog for the tools: debug lines to stderr, never stdout. (julia-sysimage's build log is written by its step runner.)</summary>
public static class ToolLog
{
    public static ILogger Create(string tool, bool debug)
    {
        if (!debug)
        {
            return Logger.None;
        }

        return new LoggerConfiguration().MinimumLevel.Debug()
            .WriteTo.Console(outputTemplate: tool + ": {Level:u3} {Message:lj}{NewLine}", standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();
    }
}
