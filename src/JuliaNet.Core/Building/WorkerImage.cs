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
    /// --distributed, or Distributed among the image's packages (requested or needed by them).
    /// Scripts that load Distributed get the session too, decided when they have run (trace.jl).
    /// </summary>
    public static bool Wanted(bool option, IEnumerable<ProjectPackage> packages) =>
        option || packages.Any(p => string.Equals(p.Uuid, DistributedUuid, StringComparison.OrdinalIgnoreCase));
}
