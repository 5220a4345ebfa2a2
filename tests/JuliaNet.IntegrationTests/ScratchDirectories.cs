namespace JuliaNet.IntegrationTests;

/// <summary>Directories a spec makes under the test run's root, and fake programs in them; deleted on dispose (copies of an image are 150 MB each).</summary>
internal sealed class ScratchDirectories(Tools tools) : IDisposable
{
    private readonly List<string> dirs = [];

    public string NewDir(string name)
    {
        var dir = tools.NewDir(name);
        dirs.Add(dir);
        return dir;
    }

    /// <summary>A shell script standing in for a program; its name says what it fakes.</summary>
    public string FakeProgram(string name, string body)
    {
        var path = Path.Combine(NewDir("fakes"), name);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }

    public void Dispose()
    {
        foreach (var dir in dirs)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
