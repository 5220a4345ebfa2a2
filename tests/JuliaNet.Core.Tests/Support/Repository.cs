namespace JuliaNet.Core.Tests.Support;

/// <summary>Files of the repository these tests were built from (found upwards from the test output, by build.cake).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build.cake")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (with build.cake) not found above " + AppContext.BaseDirectory);
    }
}
