using JuliaNet.Launching;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests.Fakes;

/// <summary>Hand-built <see cref="ProcessFacts"/>s with made-up, deterministic paths.</summary>
internal static class Contexts
{
    public const string Home = "/home/alice";
    public const string WorkingDirectory = "/work/project";
    public const string Launcher = "/opt/julia-net/bin/julia-net";
    public const string LauncherRealPath = "/opt/julia-net/lib/julia-net";

    /// <summary>A Linux context; <paramref name="env"/> is the whole environment (nothing is inherited).</summary>
    public static ProcessFacts Linux(params (string Name, string Value)[] env) => Create(Platform.Linux, env);

    public static ProcessFacts Create(Platform platform, params (string Name, string Value)[] env) =>
        new(
            Environment: Env(env),
            WorkingDirectory: WorkingDirectory,
            Home: Home,
            ProgramPath: Launcher,
            SelfRealPaths: [LauncherRealPath],
            Platform: platform);

    public static Dictionary<string, string> Env(params (string Name, string Value)[] env)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in env)
        {
            result[name] = value;
        }

        return result;
    }
}
