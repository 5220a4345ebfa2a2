namespace JuliaNet.IntegrationTests;

/// <summary>The operating system refusing to start Julia: julia-net's one error line, exit 71.</summary>
[Collection(ToolsCollection.Name)]
public sealed class ExecFailureSpecs(Tools tools)
{
    [Fact]
    public void ExecFailure_IsOneLineWithTheSystemsReasonAndExitCode71()
    {
        // A "julia" that answers the probe, so that its answer is cached...
        var julia = Path.Combine(tools.NewDir("exec"), "julia");
        var script = $"#!/bin/sh\nprintf 'version=1.5.3\\nimage={tools.DefaultImage}\\n'\n";
        File.WriteAllText(julia, script);
        File.SetUnixFileMode(julia, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Equal(0, tools.RunLauncher(["--julia", julia, "--julia-net-info"]).ExitCode);

        // ...then, with the same size and time (so the cached answer still applies), nothing the system can run.
        var written = File.GetLastWriteTimeUtc(julia);
        File.WriteAllBytes(julia, new byte[System.Text.Encoding.UTF8.GetByteCount(script)]);
        File.SetLastWriteTimeUtc(julia, written);
        var result = tools.RunLauncher(["--julia", julia, "-e", "0"]);

        Assert.Equal(71, result.ExitCode);
        Assert.Equal($"julia-net: error: cannot start julia {julia}: Exec format error\n", result.StandardError);
    }
}
