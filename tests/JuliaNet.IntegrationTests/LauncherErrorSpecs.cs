namespace JuliaNet.IntegrationTests;

/// <summary>Each launcher error: one line on stderr, a documented exit code, Julia never started.</summary>
[Collection(ToolsCollection.Name)]
public sealed class LauncherErrorSpecs(Tools tools)
{
    public enum Case
    {
        ImageMissing,
        ImageIsDirectory,
        ImageIsText,
        ImageIsFifo,
        ImageIsDevice,
        JuliaMissing,
        JuliaNotExecutable,
        JuliaOptionWithoutValue,
        JuliaIsTheLauncher,
        CacheDirNotCreatable,
        UnknownLauncherOption,
        SysimageWithoutValue,
    }

    [Theory]
    [InlineData(Case.ImageMissing, 65, "system image not found")]
    [InlineData(Case.ImageIsDirectory, 66, "system image is a directory")]
    [InlineData(Case.ImageIsText, 66, "system image is not a shared library")]
    [InlineData(Case.ImageIsFifo, 66, "system image is not a regular file")]
    [InlineData(Case.ImageIsDevice, 66, "system image is not a regular file")]
    [InlineData(Case.JuliaMissing, 67, "julia not found")]
    [InlineData(Case.JuliaNotExecutable, 68, "julia is not executable")]
    [InlineData(Case.JuliaOptionWithoutValue, 64, "option --julia requires a value")]
    [InlineData(Case.JuliaIsTheLauncher, 68, "is julia-net itself")]
    [InlineData(Case.CacheDirNotCreatable, 70, "cannot create cache directory")]
    [InlineData(Case.UnknownLauncherOption, 64, "unknown launcher option --julia-net-bogus")]
    [InlineData(Case.SysimageWithoutValue, 64, "option --sysimage requires a value")]
    public void Error_OfEachKind_IsOneLineWithItsExitCodeAndJuliaNeverStarts(Case kind, int exitCode, string message)
    {
        var dir = tools.NewDir("err");
        var marker = Path.Combine(dir, "julia-ran");
        var env = new Dictionary<string, string?>();
        string[] program = ["-e", $"touch(\"{marker}\")"];
        string[] args = kind switch
        {
            Case.ImageMissing => ["-J", Path.Combine(dir, "missing.so"), .. program],
            Case.ImageIsDirectory => ["-J", dir, .. program],
            Case.ImageIsText => ["-J", Write(Path.Combine(dir, "text.so"), "not an image"), .. program],
            Case.ImageIsFifo => ["-J", Fifo(Path.Combine(dir, "fifo.so")), .. program],
            Case.ImageIsDevice => ["-J", "/dev/null", .. program],
            Case.JuliaMissing => ["--julia", Path.Combine(dir, "no-julia"), .. program],
            Case.JuliaNotExecutable => ["--julia", Write(Path.Combine(dir, "julia"), "#!/bin/sh\n"), .. program],
            Case.JuliaOptionWithoutValue => ["--julia"],
            Case.JuliaIsTheLauncher => ["--julia", tools.Launcher, .. program],
            Case.CacheDirNotCreatable => [.. program],
            Case.UnknownLauncherOption => ["--julia-net-bogus", .. program],
            Case.SysimageWithoutValue => [.. program, "--sysimage"],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        if (kind == Case.CacheDirNotCreatable)
        {
            env["JULIA_NET_CACHE_DIR"] = Path.Combine(Write(Path.Combine(dir, "a-file"), "x"), "cache");
        }

        var result = tools.RunLauncher(args, env);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        var line = Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("julia-net: error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "Julia must not have started");
    }

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

    private static string Fifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        return path;
    }

    private static string Write(string path, string content)
    {
        File.WriteAllText(path, content);
        return path;
    }
}
