namespace JuliaNet.Building;

/// <summary>
/// The files of one build, inside its private directory beside OUTPUT (same file system, so
/// finished files are renamed onto OUTPUT).
/// </summary>
public sealed record BuildDirectory(string Root, string ImageExtension)
{
    public string Log => Path.Combine(Root, "build.log");

    public string Scripts => Path.Combine(Root, "scripts");

    public string Params => Path.Combine(Root, "params.txt");

    /// <summary>New precompile caches of the build's Julia processes land here (first depot).</summary>
    public string Depot => Path.Combine(Root, "depot");

    public string Trace => Path.Combine(Root, "trace.txt");

    /// <summary>The traces of the local workers the trace step starts (<see cref="WorkerImage"/>), one file each.</summary>
    public IReadOnlyList<string> WorkerTraces =>
        [.. Enumerable.Range(1, WorkerImage.TracedWorkers).Select(i => Path.Combine(Root, $"trace-worker-{i}.txt"))];

    /// <summary>julia-net's cache root for the verify step's children (JULIA_NET_CACHE_DIR).</summary>
    public string LauncherCache => Path.Combine(Root, "julia-net-cache");

    /// <summary>The packages loaded when the scripts had run (trace.jl): <c>Name UUID</c> lines.</summary>
    public string ScriptModules => Path.Combine(Root, "script-modules.txt");

    public string Report => Path.Combine(Root, "report.txt");

    public string FailedStatements => Path.Combine(Root, "failed-statements.jl");

    public string Archive => Path.Combine(Root, "sys-o.a");

    public string Image => Path.Combine(Root, "image" + ImageExtension);

    public string Metadata => Path.Combine(Root, "image.json");

    public string Script(string name) => Path.Combine(Scripts, name);
}
