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

    /// <summary>
    /// Runs with stdout discarded while sampling the memory of its process tree; returns the wall
    /// time, the tree's peak and what it wrote to stderr.
    /// </summary>
    public async Task<SampledRun> TimeWithTreeMemory(Cmd cmd)
    {
        var sampler = new TreeMemorySampler();
        var stderr = new StringBuilder();
        var seconds = await Run(cmd, PipeTarget.Null, stderr, sampler);
        return new SampledRun(seconds, await sampler.Stop(), stderr.ToString());
    }

    private async Task<double> Run(Cmd cmd, PipeTarget stdout, StringBuilder? stderr = null, TreeMemorySampler? sampler = null)
    {
        stderr ??= new StringBuilder();
        var env = new Dictionary<string, string?>(environment, StringComparer.Ordinal);
        foreach (var (name, value) in cmd.Env ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        var watch = Stopwatch.StartNew();
        CommandResult result;
        double seconds;
        try
        {
            var task = Cli.Wrap(cmd.Program)
                .WithArguments(cmd.Args)
                .WithEnvironmentVariables(env)
                .WithWorkingDirectory(workingDirectory)
                .WithStandardInputPipe(PipeSource.Null)
                .WithStandardOutputPipe(stdout)
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync();
            sampler?.Start(task.ProcessId);
            result = await task;
            seconds = watch.Elapsed.TotalSeconds;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            throw new BenchError($"cannot start {cmd.Program}: {e.Message}");
        }
        finally
        {
            if (sampler is not null)
            {
                await sampler.Stop();
            }
        }

        if (result.ExitCode != 0)
        {
            var last = stderr.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "no output on stderr";
            throw new BenchError($"{cmd.Display} failed with exit code {result.ExitCode}: {last}");
        }

        return seconds;
    }
}

/// <summary>A run measured with <see cref="Runner.TimeWithTreeMemory"/>.</summary>
public sealed record SampledRun(double Seconds, TreePeak Peak, string Stderr);
