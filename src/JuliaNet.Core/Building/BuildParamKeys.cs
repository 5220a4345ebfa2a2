namespace JuliaNet.Building;

/// <summary>
/// The keys of the params file (<see cref="BuildParams"/>), named once on this side. What each
/// one means, and whether it is one value or a list, is documented where the build scripts read
/// them: params.jl, the only Julia code that names them.
/// </summary>
public static class BuildParamKeys
{
    public const string Report = "report";
    public const string FailedStatements = "failed_statements";
    public const string Launcher = "launcher";
    public const string StrictMaxFailedPercent = "strict_max_failed_percent";
    public const string Stdlib = "stdlib";
    public const string Package = "package";
    public const string Dependency = "dependency";
    public const string Script = "script";
    public const string Statements = "statements";
    public const string ScriptModules = "script_modules";
    public const string Workers = "workers";
    public const string WorkerStatements = "worker_statements";
}
