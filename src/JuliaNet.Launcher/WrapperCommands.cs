using JuliaNet.Launching;
using JuliaNet.Runtime;

namespace JuliaNet.Launcher;

/// <summary>
/// The edges of --julia-net-install-wrapper and --julia-net-remove-wrapper: the planner
/// decides, this writes. The wrapper appears atomically (made under a temporary name, then
/// renamed into place), so a concurrent <c>julia</c> sees the old one or the new one.
/// </summary>
internal static class WrapperCommands
{
    public static int Install(LaunchContext context, LauncherOptions options)
    {
        var plan = WrapperPlanner.PlanInstall(context, options.InstallWrapper!, options.WrapperSysimage, options.Julia, RealFileProbe.Instance);
        if (plan.Config is { } config)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(plan.ConfigPath)!);
            AtomicFile.WriteAllText(plan.ConfigPath, config.ToJson());
            Console.Out.WriteLine($"wrote {plan.ConfigPath}" + (config.Sysimage is { } image ? $" (default image {image})" : ""));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(plan.WrapperPath)!);
        var temp = AtomicFile.TempNameBeside(plan.WrapperPath);
        try
        {
            if (plan.Kind == WrapperKind.Symlink)
            {
                File.CreateSymbolicLink(temp, plan.Target);
            }
            else
            {
                File.WriteAllText(temp, WrapperPlanner.ShimText(plan.Target));
            }

            File.Move(temp, plan.WrapperPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        Console.Out.WriteLine($"{(plan.Replaces ? "replaced" : "installed")} julia wrapper {plan.WrapperPath} -> {plan.Target}");
        foreach (var note in plan.Notes)
        {
            Console.Error.WriteLine($"julia-net: note: {note}");
        }

        return 0;
    }

    public static int Remove(LaunchContext context, LauncherOptions options)
    {
        if (WrapperPlanner.PlanRemove(context, options.RemoveWrapper!, RealFileProbe.Instance) is not { } wrapper)
        {
            Console.Out.WriteLine($"no julia wrapper in {Path.GetFullPath(options.RemoveWrapper!, context.WorkingDirectory)}; nothing to remove");
            return 0;
        }

        File.Delete(wrapper);
        Console.Out.WriteLine($"removed julia wrapper {wrapper} (the config file {UserConfig.PathFor(context)} is kept)");
        return 0;
    }
}
