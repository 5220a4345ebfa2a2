namespace JuliaNet.IntegrationTests;

/// <summary>A fact that needs root (it mounts a file system): skipped, saying why, under any other user.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Unprivileged.IsRoot)
        {
            Skip = "needs root to mount a tmpfs: run the integration tests as root to include it";
        }
    }
}
