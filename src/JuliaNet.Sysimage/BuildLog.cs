using JuliaNet.Building;
using JuliaNet.Paths;

namespace JuliaNet.Sysimage;

/// <summary>
/// The build log: one stream, opened once for the build and written line by line under a
/// lock (a step's stdout and stderr arrive concurrently). A write that fails (a full disk) is
/// kept as <see cref="Error"/>, not thrown: the process's output must still be read to its end.
/// </summary>
internal sealed class BuildLog(string path) : IDisposable
{
    private readonly object gate = new();
    private StreamWriter? writer;

    public string Path => path;

    /// <summary>The first write that failed, if any (reset by each <see cref="Header"/>).</summary>
    public IOException? Error { get; private set; }

    public void Header(BuildStep step)
    {
        lock (gate)
        {
            Error = null;
        }

        Write($"\n=== {step.Name}: {ShellWords.Join([step.Program, .. step.Arguments])}");
        lock (gate)
        {
            if (Error is { } error)
            {
                throw new Errors.UserError(Errors.ExitCodes.BuildFailed, $"{step.Name}: cannot write the log: {error.Message} (log: {path})");
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
            if (Error is not null)
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
                Error = e;
            }
        }
    }
}
