namespace JuliaNet.Sysimage;

/// <summary>
/// One build of an OUTPUT at a time: an exclusive lock on <c>.OUTPUT.lock</c> beside it (an
/// advisory flock, which .NET takes for FileShare.None on Unix). The kernel drops the lock
/// when its holder dies, so a killed build never leaves a stale lock behind. The empty lock
/// file stays: deleting it would let two builds lock two different files.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private readonly FileStream stream;

    private BuildLock(FileStream stream) => this.stream = stream;

    public static string PathFor(string output) =>
        Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + ".lock");

    /// <summary>Waits for the lock, saying once that it waits and for what.</summary>
    public static BuildLock Acquire(string output, Action<string> say)
    {
        var path = PathFor(output);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        for (var waited = false; ; waited = true)
        {
            try
            {
                return new BuildLock(new FileStream(path, options));
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!waited)
                {
                    say($"julia-sysimage: waiting for another build of {output} to finish (lock {path})");
                }

                Thread.Sleep(250);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
