namespace JuliaNet.Launching;

/// <summary>The environment variables julia-net reads or sets (documented in README.md).</summary>
public static class EnvironmentVariables
{
    public const string Julia = "JULIA_NET_JULIA";
    public const string Sysimage = "JULIA_NET_SYSIMAGE";
    public const string CacheDir = "JULIA_NET_CACHE_DIR";
    public const string Launcher = "JULIA_NET_LAUNCHER";
    public const string UserDepot = "JULIA_NET_USER_DEPOT";
    public const string JuliaDebug = "JULIA_DEBUG";
    public const string DepotPath = "JULIA_DEPOT_PATH";
    public const string Path = "PATH";
    public const string XdgCacheHome = "XDG_CACHE_HOME";
    public const string LocalAppData = "LOCALAPPDATA";
    public const string XdgConfigHome = "XDG_CONFIG_HOME";
    public const string AppData = "APPDATA";

    /// <summary>juliaup's: the channel to run when no <c>+CHANNEL</c> is given.</summary>
    public const string JuliaupChannel = "JULIAUP_CHANNEL";

    /// <summary>juliaup's: the depot whose <c>juliaup/</c> directory holds juliaup.json (default <c>~/.julia</c>).</summary>
    public const string JuliaupDepotPath = "JULIAUP_DEPOT_PATH";
}
