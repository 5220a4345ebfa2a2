using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>julia-net, the published AOT binary, running the real julia.</summary>
[Collection(ToolsCollection.Name)]
public sealed class LauncherSpecs(Tools tools)
{
    [Fact]
    public void JuliaCmd_UnderLauncher_ShowsCnativeAndAbsoluteImage()
    {
        var image = tools.ImageAtAnotherPath;
        var dir = Path.GetDirectoryName(Path.GetDirectoryName(image))!;
        var relative = Path.GetRelativePath(dir, image);

        var result = tools.RunLauncher(["-J", relative, "-e", "print(Base.julia_cmd())"], cwd: dir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($" {tools.CpuNative} ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($" -J{image} ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void JuliaCmd_WithoutImage_UsesJuliasDefaultImageAbsolute()
    {
        var result = tools.RunLauncher(["-e", "print(unsafe_string(Base.JLOptions().image_file), \" \", unsafe_string(Base.JLOptions().cpu_target))"]);

        Assert.Equal($"{tools.DefaultImage} native", result.StandardOutput);
    }

    [Fact]
    public void CpuTarget_GivenByUser_IsNotOverridden()
    {
        var result = tools.RunLauncher(["--cpu-target=generic", "-e", "print(unsafe_string(Base.JLOptions().cpu_target))"]);

        Assert.Equal("generic", result.StandardOutput);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(255)]
    public void ExitCode_FromJulia_ComesBackUnchanged(int code)
    {
        var result = tools.RunLauncher(["-e", $"exit({code})"]);

        Assert.Equal(code, result.ExitCode);
    }

    [Fact]
    public void ExitCode_OfUncaughtError_IsJuliasOwn()
    {
        var result = tools.RunLauncher(["-e", "error(\"boom\")"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("boom", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pid_SeenByJulia_IsThePidTheLauncherStartedWith()
    {
        var stdout = new StringBuilder();
        var task = tools.Command(tools.Launcher, ["-e", "print(getpid())"])
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .ExecuteAsync();
        var pid = task.ProcessId;
        await task;

        Assert.Equal(pid.ToString(System.Globalization.CultureInfo.InvariantCulture), stdout.ToString());
    }

    [Fact]
    public void Stdio_ThroughLauncher_ReachesJuliaAndComesBack()
    {
        var result = tools.RunLauncher(
            ["-e", "line = readline(); println(uppercase(line)); println(stderr, \"err:\", line)"],
            stdin: "hello from stdin\n");

        Assert.Equal("HELLO FROM STDIN\n", result.StandardOutput);
        Assert.Equal("err:hello from stdin\n", result.StandardError);
    }

    public static TheoryData<string[]> AwkwardArguments => new()
    {
        { ["plain", "with space", "  leading and trailing  ", "", "tab\there"] },
        { ["\"double\"", "'single'", "back\\slash", "$HOME", "`cmd`", "; rm -rf /", "*", "a&b|c"] },
        { ["new\nline", "cr\rlf\n", "unicodé ü 日本 🚀", "-J", "elsewhere.so", "--sysimage=x", "-Cgeneric"] },
        { ["mid", "--julia-net-debug", "--julia", "x", "-e", "exit(3)", "-"] },
    };

    /// <summary>Julia itself drops the first <c>--</c> of ARGS, so these are compared with plain julia.</summary>
    public static TheoryData<string[]> ArgumentsWithDashes => new()
    {
        { ["mid", "--", "after-dashes", "--julia-net-debug", "--julia", "x"] },
        { ["--", "--", "-J", "x"] },
    };

    [Theory]
    [MemberData(nameof(AwkwardArguments))]
    public void Args_AfterProgramFile_ArriveInArgsUnchanged(string[] args)
    {
        var script = Path.Combine(tools.FixturesDir, "print_args.jl");

        var result = tools.RunLauncher([script, .. args]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(args, result.StandardOutput.Split('\0'));
    }

    [Theory]
    [MemberData(nameof(AwkwardArguments))]
    [MemberData(nameof(ArgumentsWithDashes))]
    public void Args_AfterProgramFile_ArriveExactlyAsUnderPlainJulia(string[] args)
    {
        string[] argv = [Path.Combine(tools.FixturesDir, "print_args.jl"), .. args];

        var underLauncher = tools.RunLauncher(argv);
        var underJulia = tools.RunJulia(argv);

        Assert.Equal(0, underJulia.ExitCode);
        Assert.Equal(underJulia.StandardOutput, underLauncher.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(AwkwardArguments))]
    [MemberData(nameof(ArgumentsWithDashes))]
    public void Args_AfterEval_ArriveExactlyAsUnderPlainJulia(string[] args)
    {
        string[] argv = ["-e", "write(stdout, join(ARGS, '\\0'))", .. args];

        var underLauncher = tools.RunLauncher(argv);
        var underJulia = tools.RunJulia(argv);

        Assert.Equal(0, underJulia.ExitCode);
        Assert.Equal(underJulia.StandardOutput, underLauncher.StandardOutput);
    }

    [Fact]
    public void LauncherPath_IsPassedToJulia_Unresolved()
    {
        var dir = tools.NewDir("link");
        var link = Path.Combine(dir, "jn");
        File.CreateSymbolicLink(link, tools.Launcher);

        var result = tools.Run(link, ["-e", "print(ENV[\"JULIA_NET_LAUNCHER\"])"]);

        Assert.Equal(link, result.StandardOutput);
    }
}
