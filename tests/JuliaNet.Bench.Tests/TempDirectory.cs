namespace JuliaNet.Bench.Tests;

/// <summary>A directory of a test's own under the system's temporary directory, removed with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("julia-net-bench-tests-").FullName;

    /// <summary>A file in the directory with <paramref name="text"/> and, on Unix, <paramref name="mode"/>.</summary>
    public string File(string name, string text, UnixFileMode mode)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, mode);
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
