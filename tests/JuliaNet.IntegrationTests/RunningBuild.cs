using CliWrap;

namespace JuliaNet.IntegrationTests;

/// <summary>A build running in the background, its stderr collected line by line; stopped (with its children) on dispose if still running.</summary>
internal sealed class RunningBuild : IAsyncDisposable
{
    private readonly TimeSpan limitAfter;
    private readonly CancellationTokenSource limit;
    private readonly List<string> lines = [];

    /// <param name="limitAfter">How long the build may run: then it is stopped and a wait for it fails.</param>
    public RunningBuild(Command command, TimeSpan limitAfter)
    {
        this.limitAfter = limitAfter;
        limit = new CancellationTokenSource(limitAfter);
        Task = command.WithStandardErrorPipe(PipeTarget.ToDelegate(line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }
        })).ExecuteAsync(limit.Token);
    }

    public CommandTask<CommandResult> Task { get; }

    public int Pid => Task.ProcessId;

    public string[] Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public string Stderr => string.Join('\n', Lines);

    public async Task WaitForAsync(Func<bool> condition, string what)
    {
        while (!condition())
        {
            if (Task.Task.IsCompleted)
            {
                Assert.Fail($"the build ended before {what}:\n{Stderr}");
            }

            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"not {what} within {limitAfter}:\n{Stderr}");
            }

            await System.Threading.Tasks.Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await limit.CancelAsync();
        try
        {
            await Task;
        }
        catch (OperationCanceledException)
        {
        }

        limit.Dispose();
    }
}
