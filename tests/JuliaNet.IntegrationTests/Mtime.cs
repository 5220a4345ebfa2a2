namespace JuliaNet.IntegrationTests;

/// <summary>
/// A path's modification time to the nanosecond (GNU stat and touch), kept so a test can put a
/// file or directory back exactly as it was: .NET's file times stop at 100 ns.
/// </summary>
internal sealed class Mtime(Tools tools, string path)
{
    private readonly string saved = Read(tools, path);

    public void Restore()
    {
        var result = tools.Run("touch", ["-m", "-d", "@" + saved, path]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(saved, Read(tools, path));
    }

    private static string Read(Tools tools, string path) => tools.Run("stat", ["--format=%.9Y", path]).StandardOutput.Trim();
}
