using JuliaNet.Errors;
using JuliaNet.Launching;

namespace JuliaNet.Core.Tests;

public sealed class LauncherCommandLineSpecs
{
    [Fact]
    public void Parse_NoArguments_GivesDefaults()
    {
        var options = LauncherCommandLine.Parse([]);

        Assert.Null(options.Julia);
        Assert.False(options.Debug);
        Assert.Equal(LauncherMode.Run, options.Mode);
        Assert.Empty(options.JuliaArgs);
    }

    [Theory]
    [InlineData(new[] { "--julia", "/opt/julia/bin/julia", "-e", "1" }, "/opt/julia/bin/julia")]
    [InlineData(new[] { "--julia=/opt/julia/bin/julia", "-e", "1" }, "/opt/julia/bin/julia")]
    [InlineData(new[] { "--julia", "julia-1.10", "-e", "1" }, "julia-1.10")]
    [InlineData(new[] { "--julia=/path with space/julia", "-e", "1" }, "/path with space/julia")]
    [InlineData(new[] { "--julia", "/a/julia", "--julia=/b/julia", "-e", "1" }, "/b/julia")]
    public void Parse_JuliaOption_IsRecordedAndRemoved(string[] args, string julia)
    {
        var options = LauncherCommandLine.Parse(args);

        Assert.Equal(julia, options.Julia);
        Assert.Equal(["-e", "1"], options.JuliaArgs);
    }

    [Fact]
    public void Parse_DebugJuliaAndAMode_AreRecordedAndRemoved()
    {
        var options = LauncherCommandLine.Parse(["--julia-net-debug", "--julia-net-info", "--julia", "/j", "script.jl"]);

        Assert.True(options.Debug);
        Assert.Equal(LauncherMode.Info, options.Mode);
        Assert.Equal("/j", options.Julia);
        Assert.Equal(["script.jl"], options.JuliaArgs);
    }

    [Theory]
    [InlineData("--julia-net-info", LauncherMode.Info)]
    [InlineData("--julia-net-help", LauncherMode.Help)]
    [InlineData("--julia-net-version", LauncherMode.Version)]
    public void Parse_OneModeOption_SetsThatModeAndNotDebug(string flag, LauncherMode mode)
    {
        var options = LauncherCommandLine.Parse([flag]);

        Assert.Equal(mode, options.Mode);
        Assert.False(options.Debug);
        Assert.Empty(options.JuliaArgs);
    }

    [Fact]
    public void Parse_DebugAlone_IsRunModeWithDebug()
    {
        var options = LauncherCommandLine.Parse(["--julia-net-debug"]);

        Assert.Equal((LauncherMode.Run, true), (options.Mode, options.Debug));
    }

    [Fact]
    public void Parse_SameModeTwice_IsThatMode()
    {
        Assert.Equal(LauncherMode.Help, LauncherCommandLine.Parse(["--julia-net-help", "--julia-net-help"]).Mode);
    }

    public static TheoryData<string[], string, string> ConflictingModes()
    {
        var modes = new (string[] Args, string Option)[]
        {
            (["--julia-net-info"], "--julia-net-info"),
            (["--julia-net-help"], "--julia-net-help"),
            (["--julia-net-version"], "--julia-net-version"),
            (["--julia-net-install-wrapper", "/d"], "--julia-net-install-wrapper"),
            (["--julia-net-remove-wrapper", "/d"], "--julia-net-remove-wrapper"),
        };
        var data = new TheoryData<string[], string, string>();
        foreach (var first in modes)
        {
            foreach (var second in modes.Where(m => m.Option != first.Option))
            {
                // A wrapper command ends the launcher's options, so it can only come second.
                if (first.Option.Contains("wrapper", StringComparison.Ordinal))
                {
                    continue;
                }

                data.Add([.. first.Args, .. second.Args], first.Option, second.Option);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConflictingModes))]
    public void Parse_TwoModes_IsAUsageErrorNamingBoth(string[] args, string first, string second)
    {
        var error = Assert.Throws<UserError>(() => LauncherCommandLine.Parse(args));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Equal($"{first} does not go with {second}: give one of them (see julia-net --julia-net-help)", error.Message);
    }

    [Theory]
    [InlineData("--julia-net-help")]
    [InlineData("--julia-net-info")]
    [InlineData("--julia-net-remove-wrapper")]
    public void Parse_ModeAfterAWrapperCommand_IsAUsageError(string after)
    {
        var error = Assert.Throws<UserError>(() => LauncherCommandLine.Parse(["--julia-net-install-wrapper", "/d", after]));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.StartsWith($"unexpected argument {after} after --julia-net-install-wrapper", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-q", "--julia-net-debug")]
    [InlineData("script.jl", "--julia-net-debug")]
    [InlineData("--", "--julia-net-debug")]
    [InlineData("-e", "--julia-net-info")]
    [InlineData("", "--julia-net-help")]
    [InlineData("script.jl", "--julia", "/j")]
    [InlineData("script.jl", "--julia-net-nonsense")]
    public void Parse_LauncherOptionAfterAJuliaArgument_GoesToJulia(params string[] args)
    {
        var options = LauncherCommandLine.Parse(args);

        Assert.Equal(args, options.JuliaArgs);
        Assert.False(options.Debug);
        Assert.Equal(LauncherMode.Run, options.Mode);
        Assert.Null(options.Julia);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("-h")]
    [InlineData("-v")]
    [InlineData("--juliafoo")]
    [InlineData("--julia-netdebug")]
    [InlineData("--JULIA=/j")]
    public void Parse_JuliasOwnOrSimilarOptions_AreNotLauncherOptions(string arg)
    {
        var options = LauncherCommandLine.Parse([arg, "x"]);

        Assert.Equal([arg, "x"], options.JuliaArgs);
        Assert.Equal(LauncherMode.Run, options.Mode);
        Assert.Null(options.Julia);
    }

    [Fact]
    public void Parse_JuliaArguments_AreKeptVerbatim()
    {
        string[] julia = ["-e", "print(\"a b\")\n", "", "ü ✓", "--julia-net-debug", "--julia", "'x'"];

        var options = LauncherCommandLine.Parse(["--julia-net-debug", .. julia]);

        Assert.True(options.Debug);
        Assert.Equal(julia, options.JuliaArgs);
    }

    [Theory]
    [InlineData("--julia")]
    [InlineData("--julia", "")]
    [InlineData("--julia=")]
    [InlineData("--julia-net-debug", "--julia")]
    public void Parse_JuliaWithoutValue_ThrowsUsageError(params string[] args)
    {
        var error = Assert.Throws<UserError>(() => LauncherCommandLine.Parse(args));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Contains("--julia requires a value", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--julia-net-foo")]
    [InlineData("--julia-net-debug=yes")]
    [InlineData("--julia-net-")]
    [InlineData("--julia-net-Debug")]
    public void Parse_UnknownLauncherOption_ThrowsUsageError(string arg)
    {
        var error = Assert.Throws<UserError>(() => LauncherCommandLine.Parse(["--julia-net-debug", arg, "-e", "1"]));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Contains(arg, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--julia-net-install-wrapper", "/bin-dir" }, "/bin-dir", null, null)]
    [InlineData(new[] { "--julia-net-install-wrapper=/bin-dir", "--sysimage", "a.so" }, "/bin-dir", "a.so", null)]
    [InlineData(new[] { "--julia-net-install-wrapper", "/bin-dir", "--sysimage=a.so", "--julia", "/j" }, "/bin-dir", "a.so", "/j")]
    [InlineData(new[] { "--julia", "/j", "--julia-net-install-wrapper", "/bin-dir" }, "/bin-dir", null, "/j")]
    public void Parse_InstallWrapper_TakesItsDirectoryImageAndJulia(string[] args, string dir, string? image, string? julia)
    {
        var options = LauncherCommandLine.Parse(args);

        Assert.Equal(dir, options.InstallWrapper);
        Assert.Equal(image, options.WrapperSysimage);
        Assert.Equal(julia, options.Julia);
        Assert.Empty(options.JuliaArgs);
    }

    [Theory]
    [InlineData("option --julia-net-install-wrapper requires a value", "--julia-net-install-wrapper")]
    [InlineData("option --julia-net-remove-wrapper requires a value", "--julia-net-remove-wrapper=")]
    [InlineData("option --sysimage requires a value", "--julia-net-install-wrapper", "/d", "--sysimage")]
    [InlineData("unexpected argument -e after --julia-net-install-wrapper", "--julia-net-install-wrapper", "/d", "-e", "0")]
    [InlineData("unexpected argument --sysimage after --julia-net-remove-wrapper", "--julia-net-remove-wrapper", "/d", "--sysimage", "a.so")]
    public void Parse_WrapperCommandMisused_ThrowsUsageError(string message, params string[] args)
    {
        var error = Assert.Throws<UserError>(() => LauncherCommandLine.Parse(args));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "+1.10", "-e", "1" }, "1.10")]
    [InlineData(new[] { "+release", "--julia-net-debug", "-e", "1" }, "release")]
    [InlineData(new[] { "--julia-net-debug", "+nightly", "-e", "1" }, "nightly")]
    [InlineData(new[] { "+my-fork~x64", "-e", "1" }, "my-fork~x64")]
    public void Parse_PlusChannelAmongTheLauncherOptions_IsRecordedAndNeverReachesJulia(string[] args, string channel)
    {
        var options = LauncherCommandLine.Parse(args);

        Assert.Equal(channel, options.Channel);
        Assert.Equal(["-e", "1"], options.JuliaArgs);
    }

    [Theory]
    [InlineData("-q", "+1.10")]
    [InlineData("script.jl", "+1.10")]
    [InlineData("-e", "+1.10")]
    public void Parse_PlusChannelAfterAJuliaArgument_GoesToJulia(params string[] args)
    {
        var options = LauncherCommandLine.Parse(args);

        Assert.Null(options.Channel);
        Assert.Equal(args, options.JuliaArgs);
    }

    [Theory]
    [InlineData("+ needs a juliaup channel name", "+", "-e", "1")]
    [InlineData("two juliaup channels: +1.10 and +1.11", "+1.10", "+1.11", "-e", "1")]
    [InlineData("+1.10 does not go with --julia-net-install-wrapper", "+1.10", "--julia-net-install-wrapper", "/d")]
    [InlineData("+1.10 does not go with --julia-net-remove-wrapper", "+1.10", "--julia-net-remove-wrapper", "/d")]
    [InlineData("unexpected argument +1.10 after --julia-net-install-wrapper", "--julia-net-install-wrapper", "/d", "+1.10")]
    public void Parse_PlusChannelMisused_ThrowsUsageError(string message, params string[] args)
    {
        var error = Assert.Throws<UserError>(() => LauncherCommandLine.Parse(args));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InstallWrapperWithJuliaPlusChannel_TakesTheChannelAsTheJulia()
    {
        var options = LauncherCommandLine.Parse(["--julia-net-install-wrapper", "/d", "--julia", "+1.10"]);

        Assert.Equal("+1.10", options.Julia);
        Assert.Null(options.Channel);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("julia-net", true)]
    [InlineData("all", true)]
    [InlineData("Foo,julia-net", true)]
    [InlineData("Foo, julia-net ", true)]
    [InlineData("loading,all", true)]
    [InlineData("all,!julia-net", false)]
    [InlineData("!julia-net,all", false)]
    [InlineData("julia-net,!julia-net", false)]
    [InlineData("loading", false)]
    [InlineData("Foo,Bar", false)]
    [InlineData("julia-net-x", false)]
    [InlineData("JuliaNet", false)]
    [InlineData("!all", false)]
    [InlineData(",", false)]
    public void DebugFromEnvironment_Value_TurnsDebugOnOnlyWhenNamed(string? juliaDebug, bool expected)
    {
        Assert.Equal(expected, LauncherCommandLine.DebugFromEnvironment(juliaDebug));
    }
}
