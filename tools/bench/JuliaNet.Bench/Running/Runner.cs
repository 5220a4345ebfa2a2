using System.Diagnostics;
using System.Text;
using CliWrap;
using JuliaNet.Bench.Measure;

namespace JuliaNet.Bench.Running;

/// <summary>
/// Runs commands in the suite's environment and times them (whole process, wall clock).
/// A command that fails stops the suite with one line: the command, its exit code and the
/// last line it wrote to stderr.
/// </summary>
public sealed class Runner(IReadOnlyDictionary<string, string?> environment, string workingDirectory)
{
    /// <summary>Runs with stdout discarded; returns the wall time in seconds.</summary>
    public Task<double> Time(Cmd cmd) => Run(cmd, PipeTarget.Null);

    /// <summary>Runs and returns the wall time and stdout.</summary>
    public async Task<(double Seconds, string Stdout)> Capture(Cmd cmd)
    {
        var stdout = new StringBuilder();
        var seconds = await Run(cmd, PipeTarget.ToStringBuilder(stdout));
        return (seconds, stdout.ToString());
    }

    private async Task<double> Run(Cmd cmd, PipeTarget stdout)
    {
        var stderr = new StringBuilder();
        var env = new Dictionary<string, string?>(environment, StringComparer.Ordinal);
        foreach (var (name, value) in cmd.Env ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        var watch = Stopwatch.StartNew();
        CommandResult result;
        try
        {
            result = await Cli.Wrap(cmd.Program)
                .WithArguments(cmd.Args)
                .WithEnvironmentVariables(env)
                .WithWorkingDirectory(workingDirectory)
                .WithStandardInputPipe(PipeSource.Null)
                .WithStandardOutputPipe(stdout)
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            throw new BenchError($"cannot start {cmd.Program}: {e.Message}");
        }

        var seconds = watch.Elapsed.TotalSeconds;
        if (result.ExitCode != 0)
        {
            var last = stderr.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "no output on stderr";
            throw new BenchError($"{cmd.Display} failed with exit code {result.ExitCode}: {last}");
        }

        return seconds;
    }
}
