using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace JuliaNet.Runtime;

/// <summary>Serilog for the tools: debug lines to stderr (never stdout), and optionally a file.</summary>
public static class ToolLog
{
    public static ILogger Create(string tool, bool debug, string? file = null)
    {
        if (!debug && file is null)
        {
            return Logger.None;
        }

        var config = new LoggerConfiguration().MinimumLevel.Debug();
        if (debug)
        {
            config = config.WriteTo.Console(
                outputTemplate: tool + ": {Level:u3} {Message:lj}{NewLine}",
                standardErrorFromLevel: LogEventLevel.Verbose);
        }

        if (file is not null)
        {
            config = config.WriteTo.File(file, outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}");
        }

        return config.CreateLogger();
    }
}
