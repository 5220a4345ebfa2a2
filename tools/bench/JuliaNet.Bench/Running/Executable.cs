namespace JuliaNet.Bench.Running;

/// <summary>A program the suite is given by path, checked before anything runs.</summary>
public static class Executable
{
    /// <summary>The absolute path of <paramref name="path"/> when it is an executable file; else a <see cref="BenchError"/> naming <paramref name="option"/>.</summary>
    public static string Require(string path, string option)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new BenchError($"{option}: no file at {full}");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0)
        {
            throw new BenchError($"{option}: not executable: {full}");
        }

        return full;
    }
}
