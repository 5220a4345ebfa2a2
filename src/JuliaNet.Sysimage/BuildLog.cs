using JuliaNet.Building;
using JuliaNet.Paths;

namespace JuliaNet.Sysimage;

/// <summary>
/// The build log: one stream, opened once for the build and written line by line under a
/// lock (a step's stdout and stderr arrive concurrently). A write that fails (a full disk) is
/// kept, not thrown: the process's output must still be read to its end, and
/// <see cref="ThrowIfFailed"/> then fails the step.
/// </summary>
internal sealed class BuildLog(string path) : IDisposable
{
    private readonly object gate = new();
    private StreamWriter? writer;

    /// <summary>The first write that failed, if any (reset by each <see cref="Header"/>).</summary>
    private IOException? failure;

    public string Path => path;

    public void Header(BuildStep step)
    {
        lock (gate)
        {
            failure = null;
        }

        Write($"\n=== {step.Name}: {ShellWords.Join([step.Program, .. step.Arguments])}");
        ThrowIfFailed(step.Name);
    }

    /// <summary>Fails the step when a write of its output to the log failed (a full disk, say).</summary>
    public void ThrowIfFailed(string step)
    {
        lock (gate)
        {
            if (failure is not null)
            {
                throw new Errors.UserError(Errors.ExitCode.BuildFailed, $"{step}: cannot write the log: {failure.Message} (log: {path})");
            }
        }
    }

    public void Line(string line) => Write(line);

    public void Footer(string text) => Write("=== " + text);

    public void Dispose()
    {
        lock (gate)
        {
            try
            {
                writer?.Dispose();
            }
            catch (IOException)
            {
            }

            writer = null;
        }
    }

    private void Write(string line)
    {
        lock (gate)
        {
            if (failure is not null)
            {
                return;
            }

            try
            {
                writer ??= new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
                writer.Write(line);
                writer.Write('\n');
            }
            catch (IOException e)
            {
                failure = e;
            }
        }
    }
}
