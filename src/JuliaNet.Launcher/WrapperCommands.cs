using JuliaNet.Config;
using JuliaNet.Errors;
using JuliaNet.Launching;
using JuliaNet.Processes;
using JuliaNet.Runtime;

namespace JuliaNet.Launcher;

/// <summary>
/// The edges of --julia-net-install-wrapper and --julia-net-remove-wrapper: the planner
/// decides, this writes. The wrapper appears atomically (made under a temporary name, then
/// renamed into place), so a concurrent <c>julia</c> sees the old one or the new one.
/// Unix: a symlink. Windows: an executable, never a .cmd (<see cref="WrapperKind.Executable"/>).
/// </summary>
internal static class WrapperCommands
{
    public static ExitCode Install(ProcessFacts process, LauncherOptions options)
    {
        var plan = WrapperPlanner.PlanInstall(process, options.InstallWrapper!, options.WrapperSysimage, options.Julia, RealFileProbe.Instance);
        if (plan.Config is { } config)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(plan.ConfigPath)!);
            AtomicFile.WriteAllText(plan.ConfigPath, config.ToJson());
            Console.Out.WriteLine($"wrote {plan.ConfigPath}" + (config.Sysimage is { } image ? $" (default image {image})" : ""));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(plan.WrapperPath)!);
        if (plan.Kind == WrapperKind.Symlink)
        {
            Replace(plan.WrapperPath, temp => File.CreateSymbolicLink(temp, plan.Target));
        }
        else if (OperatingSystem.IsWindows())
        {
            InstallExecutable(plan);
        }
        else
        {
            throw new InvalidOperationException("an executable wrapper is planned on Windows only");
        }

        foreach (var file in plan.Obsolete ?? [])
        {
            File.Delete(file);
        }

        Console.Out.WriteLine($"{(plan.Replaces ? "replaced" : "installed")} julia wrapper {plan.WrapperPath} -> {plan.Target}");
        foreach (var note in plan.Notes)
        {
            Console.Error.WriteLine($"julia-net: note: {note}");
        }

        return ExitCode.Success;
    }

    public static ExitCode Remove(ProcessFacts process, LauncherOptions options)
    {
        if (WrapperPlanner.PlanRemove(process, options.RemoveWrapper!, RealFileProbe.Instance) is not { } wrapper)
        {
            Console.Out.WriteLine($"no julia wrapper in {Path.GetFullPath(options.RemoveWrapper!, process.WorkingDirectory)}; nothing to remove");
            return ExitCode.Success;
        }

        InUse(wrapper.WrapperPath, () => File.Delete(wrapper.WrapperPath));
        foreach (var file in wrapper.AlsoDelete)
        {
            File.Delete(file);
        }

        Console.Out.WriteLine($"removed julia wrapper {wrapper.WrapperPath} (the config file {UserConfig.PathFor(process)} is kept)");
        return ExitCode.Success;
    }

    /// <summary>
    /// Windows: the marker first (listing the old and the new content while an older wrapper is
    /// replaced), then julia.exe as a hard link to julia-net, else a copy, then the final marker:
    /// an install cut short anywhere leaves a wrapper the next install recognises, or none.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static void InstallExecutable(WrapperInstall plan)
    {
        var marker = plan.Marker!;
        AtomicFile.WriteAllText(marker.Path, marker.TransitionText ?? marker.Text);
        if (!plan.InPlace)
        {
            InUse(plan.WrapperPath, () => Replace(plan.WrapperPath, temp =>
            {
                if (!HardLink.TryCreate(temp, plan.Target))
                {
                    File.Copy(plan.Target, temp);
                }
            }));
        }

        if (marker.TransitionText is not null)
        {
            AtomicFile.WriteAllText(marker.Path, marker.Text);
        }
    }

    /// <summary>Makes the file under a temporary name beside <paramref name="path"/>, then renames it into place.</summary>
    private static void Replace(string path, Action<string> create)
    {
        var temp = AtomicFile.TempNameBeside(path);
        try
        {
            create(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Windows refuses to replace or delete a program that is running: say so instead of reporting an internal error.</summary>
    private static void InUse(string wrapper, Action change)
    {
        try
        {
            change();
        }
        catch (Exception e) when (OperatingSystem.IsWindows() && e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(ExitCode.WrapperConflict, $"cannot change the wrapper {wrapper} ({e.Message}): is a julia started from it still running?");
        }
    }
}
