namespace JuliaNet.Runtime;

/// <summary>Directories only their owner can read, write or enter (0700).</summary>
public static class PrivateDirectory
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates the directory and every missing parent, each owner-only (the mode applies only
    /// to the last level when left to Directory.CreateDirectory); existing ones are left as they are.
    /// </summary>
    public static void Create(string path) => Create(path, []);

    /// <summary>As <see cref="Create(string)"/>, adding each level to <paramref name="created"/> as it is made, outermost first (those made before a failure too).</summary>
    public static void Create(string path, ICollection<string> created)
    {
        var missing = new Stack<string>();
        for (string? dir = Path.GetFullPath(path); dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            missing.Push(dir);
        }

        while (missing.TryPop(out var dir))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                Directory.CreateDirectory(dir, OwnerOnly);
            }

            created.Add(dir);
        }
    }
}
