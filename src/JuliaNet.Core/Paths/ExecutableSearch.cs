using JuliaNet.Launching;

namespace JuliaNet.Paths;

/// <summary>Looks programs up on PATH as a shell does (an empty entry is the working directory).</summary>
public static class ExecutableSearch
{
    public static IEnumerable<string> Candidates(LaunchContext context, string name) =>
        PathList.Split(context.Env(EnvironmentVariables.Path), context.Platform == Platform.Windows)
            .Select(dir => Path.GetFullPath(Path.Combine(dir.Length == 0 ? "." : dir, name), context.WorkingDirectory));

    /// <summary>The first executable regular file of that name on PATH that <paramref name="accept"/> allows.</summary>
    public static string? Find(LaunchContext context, string name, IFileProbe fs, Func<string, bool>? accept = null) =>
        Candidates(context, name).FirstOrDefault(c => IsExecutableFile(c, fs) && (accept is null || accept(c)));

    public static bool IsExecutableFile(string path, IFileProbe fs) =>
        fs.Kind(path) == PathKind.File && fs.IsExecutable(path);
}
