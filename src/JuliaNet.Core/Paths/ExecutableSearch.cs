using JuliaNet.Processes;

namespace JuliaNet.Paths;

/// <summary>Looks programs up on PATH as a shell does (an empty entry is the working directory).</summary>
public static class ExecutableSearch
{
    public static IEnumerable<string> Candidates(ProcessFacts process, string name) =>
        Candidates(process.Env(EnvironmentVariables.Path), process.WorkingDirectory, process.Platform == Platform.Windows, name);

    /// <summary>The same, from the raw PATH value (for callers that have no <see cref="ProcessFacts"/> yet).</summary>
    public static IEnumerable<string> Candidates(string? pathVariable, string workingDirectory, bool windows, string name) =>
        PathList.Split(pathVariable, windows)
            .Select(dir => Path.GetFullPath(Path.Combine(dir.Length == 0 ? "." : dir, name), workingDirectory));

    /// <summary>The first executable regular file of that name on PATH that <paramref name="accept"/> allows.</summary>
    public static string? Find(ProcessFacts process, string name, IFileProbe fs, Func<string, bool>? accept = null) =>
        Candidates(process, name).FirstOrDefault(c => IsExecutableFile(c, fs) && (accept is null || accept(c)));

    public static bool IsExecutableFile(string path, IFileProbe fs) =>
        fs.Kind(path) == PathKind.File && fs.IsExecutable(path);
}
