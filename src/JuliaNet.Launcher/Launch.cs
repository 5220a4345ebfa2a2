using System.Diagnostics;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Processes;
using JuliaNet.Runtime;
using Serilog;

namespace JuliaNet.Launcher;

/// <summary>julia-net's steps: read the process once, plan, prepare the cache depot, exec.</summary>
internal static class Launch
{
    public static ExitCode Run(string[] args, Action<bool> debugOn)
    {
        var process = ThisProcess.Read();
        var options = LauncherCommandLine.Parse(args);
        var debug = options.Debug || LauncherCommandLine.DebugFromEnvironment(process.Env(EnvironmentVariables.JuliaDebug));
        debugOn(debug);
        switch (options.Mode)
        {
            case LauncherMode.Help:
                Console.Out.Write(HelpText.Text);
                return ExitCode.Success;
            case LauncherMode.Version:
                Console.Out.WriteLine($"julia-net {ToolVersion.Current}");
                return ExitCode.Success;
            case LauncherMode.InstallWrapper:
                return WrapperCommands.Install(process, options);
            case LauncherMode.RemoveWrapper:
                return WrapperCommands.Remove(process, options);
        }

        var log = ToolLog.Create("julia-net", debug);
        log.Debug("launcher {Launcher}, args {Args}", process.ProgramPath, args);
        var cacheRoot = CacheLayout.Root(process);
        CacheDepot.CheckRoot(cacheRoot);
        var store = new JuliaInfoStore(cacheRoot, process.Environment, log);
        var plan = new LaunchPlanner(RealFileProbe.Instance, store.Get, LearnedStoreFiles.Collect).Plan(process, options);
        log.Debug("julia {Julia} from {Source}, juliaup channel {Channel} ({JuliaupConfig})", plan.Julia, plan.JuliaSource, plan.JuliaupChannel, plan.JuliaupConfig);
        log.Debug("plan: {Julia} {Argv}", plan.Julia, plan.Argv);
        log.Debug("JULIA_DEPOT_PATH={DepotPath}", plan.Environment[EnvironmentVariables.DepotPath]);
        if (options.Mode == LauncherMode.Info)
        {
            Console.Out.WriteLine(InfoJson.Write(plan));
            return ExitCode.Success;
        }

        // The plan says what to do: print its warnings, fail, start the rebuild, exec.
        foreach (var warning in plan.Warnings)
        {
            Console.Error.WriteLine("julia-net: warning: " + warning);
        }

        if (plan.Refusal is { } refusal)
        {
            throw refusal;
        }

        foreach (var rebuild in new[] { plan.Rebuild, plan.Learning?.Improvement }.OfType<BackgroundRebuild>())
        {
            if (RebuildStarter.Start(rebuild, process.Environment) is { } line)
            {
                Console.Error.WriteLine("julia-net: " + line);
            }
        }

        if (plan.Learning is { Warning: not null } learning)
        {
            LearnedStoreFiles.MarkWarned(learning.Store);
        }

        CacheDepot.Ensure(plan.CacheRoot, plan.CacheDepot, plan.UserDepot, log);
        (log as IDisposable)?.Dispose();
        ProcessReplacer.Replace(plan.Julia, plan.Argv, plan.Environment, process.Environment);
        throw new UnreachableException("julia-net was not replaced by Julia");
    }
}
