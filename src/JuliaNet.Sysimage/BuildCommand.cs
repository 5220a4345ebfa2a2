using JuliaNet.Building;
using JuliaNet.Errors;

namespace JuliaNet.Sysimage;

internal static class BuildCommand
{
    /// <summary>Work in progress (issue 3): the command line and plan are done; the build steps are not wired yet.</summary>
    public static int Run(SysimageOptions options) =>
        throw new UserError(ExitCodes.BuildFailed, $"building {options.Output}: julia-sysimage cannot build images yet (work in progress)");
}
