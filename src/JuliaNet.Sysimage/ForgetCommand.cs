using JuliaNet.Building;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Paths;
using JuliaNet.Runtime;

namespace JuliaNet.Sysimage;

/// <summary>
/// <c>julia-sysimage forget</c>: removes what julia-net learned from a project's runs for its image
/// with one Julia (the store's files, under the image's build lock, waiting for a build that runs);
/// the image itself stays. Runs still going keep writing to files no longer there: lost, as asked.
/// </summary>
internal static class ForgetCommand
{
    public static ExitCode Run(string? project, string? julia)
    {
        var process = ThisProcess.Read();
        var store = new JuliaInfoStore(CacheLayout.Root(process), process.Environment, Serilog.Core.Logger.None);
        var image = new BuildPlanner(RealFileProbe.Instance, store.Get).ProjectImage(project, julia, process)
            ?? throw new UserError(ExitCode.Usage, "no project: give --project DIR, or run in a project");
        var learned = new ImageFiles(image).Learned;
        if (!Directory.Exists(learned.Directory))
        {
            Console.Error.WriteLine($"julia-sysimage: nothing learned for {image}");
            return ExitCode.Success;
        }

        using (BuildLock.Acquire(image, Console.Error.WriteLine))
        {
            var had = LearnedStoreFiles.Forget(learned);
            Console.Error.WriteLine($"julia-sysimage: forgot {had.Statements} statements learned from {had.Runs} runs for {image} ({learned.Directory})");
        }

        return ExitCode.Success;
    }
}
