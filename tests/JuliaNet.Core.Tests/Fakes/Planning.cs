using JuliaNet.Julia;
using JuliaNet.Launching;

namespace JuliaNet.Core.Tests.Fakes;

/// <summary>
/// Plans launches on a fake file system, answering the planner's question about a Julia
/// binary from a table (any binary not in it fails the test) and recording what was asked.
/// </summary>
internal static class Planning
{
    public static LaunchPlan Plan(
        FakeFileSystem fs, IReadOnlyDictionary<string, JuliaInfo> infos, List<string> probed, string path, string[] args, params (string Name, string Value)[] env)
    {
        var context = Contexts.Linux([("PATH", path), .. env]);
        var planner = new LaunchPlanner(fs, julia =>
        {
            probed.Add(julia);
            return infos.TryGetValue(julia, out var info) ? info : throw new InvalidOperationException($"test did not expect {julia} to be probed");
        });
        return planner.Plan(context, LauncherCommandLine.Parse(args));
    }
}
