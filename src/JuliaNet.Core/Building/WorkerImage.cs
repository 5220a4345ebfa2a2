namespace JuliaNet.Building;

/// <summary>
/// Images ready for Distributed's workers. From Julia 1.10 Distributed is not in Julia's default
/// image, so without this the master and every worker load it and compile its code at run time,
/// with or without a custom image. An image for workers holds Distributed and the code of a real
/// session with local workers, traced during the build on both sides: the master's (addprocs,
/// remotecall, pmap, remote channels, remotecall_eval as @everywhere does it) and each worker's
/// (its --worker start-up, message handling, serialization). workers.jl runs that session.
/// </summary>
public static class WorkerImage
{
    /// <summary>Distributed's UUID (stdlib/Distributed/Project.toml, every release).</summary>
    public const string DistributedUuid = "8ba89e20-285c-5b6f-9357-94700520ee1b";

    /// <summary>Local workers the trace step starts, each tracing into a file of its own.</summary>
    public const int TracedWorkers = 2;

    /// <summary>
    /// --distributed, or Distributed among the requested packages (by default the project's
    /// direct dependencies): the project uses it. Not when only a dependency needs it (a package
    /// may load Distributed for its own use). A script that does <c>using Distributed</c> gets
    /// the session too, decided when the scripts have run (trace.jl).
    /// </summary>
    public static bool Wanted(bool option, IEnumerable<ProjectPackage> packages) =>
        option || packages.Any(p => string.Equals(p.Uuid, DistributedUuid, StringComparison.OrdinalIgnoreCase));
}
