namespace JuliaNet.Processes;

/// <summary>
/// The environment variables the tools read or set, named once, by owner (the user-facing
/// ones are documented in docs/julia-net.md's environment table).
/// </summary>
public static class EnvironmentVariables
{
    // julia-net's and julia-sysimage's own

    public const string Julia = "JULIA_NET_JULIA";
    public const string Sysimage = "JULIA_NET_SYSIMAGE";
    public const string CacheDir = "JULIA_NET_CACHE_DIR";
    public const string Stale = "JULIA_NET_STALE";

    /// <summary>Whether julia-net learns from a project's runs (<see cref="Learning.LearningSettings"/>).</summary>
    public const string Learn = "JULIA_NET_LEARN";

    /// <summary>The most a project's learned statements may take on disk (<see cref="Learning.LearningSettings"/>).</summary>
    public const string LearnLimit = "JULIA_NET_LEARN_LIMIT";

    /// <summary>Set by julia-net for Julia: the launcher that <c>Base.julia_exename()</c> of an image returns.</summary>
    public const string Launcher = "JULIA_NET_LAUNCHER";

    /// <summary>Set by julia-net for Julia: the user's first depot, before julia-net's cache depot.</summary>
    public const string UserDepot = "JULIA_NET_USER_DEPOT";

    /// <summary>julia-sysimage's: a file to which each build step appends a JSON line of its wall time and peak memory.</summary>
    public const string StepStats = "JULIA_NET_STEP_STATS";

    /// <summary>Set by julia-sysimage for its build scripts: the params file (written by <see cref="Building.BuildParams"/>, read by params.jl).</summary>
    public const string BuildParams = "JULIA_NET_BUILD_PARAMS";

    /// <summary>Set by julia-net in a background rebuild's environment: the image it rebuilds (its record goes beside it).</summary>
    public const string RebuildOf = "JULIA_NET_REBUILD_OF";

    /// <summary>Set by julia-net in a background rebuild's environment: the fingerprint of the image's inputs, for its record.</summary>
    public const string RebuildFingerprint = "JULIA_NET_REBUILD_FINGERPRINT";

    // Julia's

    public const string JuliaDebug = "JULIA_DEBUG";
    public const string DepotPath = "JULIA_DEPOT_PATH";
    public const string LoadPath = "JULIA_LOAD_PATH";
    public const string Project = "JULIA_PROJECT";
    public const string CpuTarget = "JULIA_CPU_TARGET";
    public const string ImageThreads = "JULIA_IMAGE_THREADS";

    /// <summary>The C compiler of image builds (PackageCompiler's name for it).</summary>
    public const string JuliaCC = "JULIA_CC";

    // juliaup's

    /// <summary>juliaup's: the channel to run when no <c>+CHANNEL</c> is given.</summary>
    public const string JuliaupChannel = "JULIAUP_CHANNEL";

    /// <summary>juliaup's: the depot whose <c>juliaup/</c> directory holds juliaup.json (default <c>~/.julia</c>).</summary>
    public const string JuliaupDepotPath = "JULIAUP_DEPOT_PATH";

    // the operating system's

    public const string Home = "HOME";
    public const string Path = "PATH";
    public const string XdgCacheHome = "XDG_CACHE_HOME";
    public const string LocalAppData = "LOCALAPPDATA";
    public const string XdgConfigHome = "XDG_CONFIG_HOME";
    public const string AppData = "APPDATA";
}
