using JuliaNet.Errors;
using JuliaNet.Julia;

namespace JuliaNet.Core.Tests;

public sealed class JuliaArgumentScannerSpecs
{
    /// <summary>args, expected image, expected rest.</summary>
    public static TheoryData<string[], string, string[]> ImageSpellings => new()
    {
        { ["-J", "x.so"], "x.so", [] },
        { ["-Jx.so"], "x.so", [] },
        { ["--sysimage", "x.so"], "x.so", [] },
        { ["--sysimage=x.so"], "x.so", [] },
        { ["--sysimage=a=b.so"], "a=b.so", [] },
        { ["-J", "-looks-like-an-option.so"], "-looks-like-an-option.so", [] },
        { ["-q", "-J", "x.so", "script.jl", "a1"], "x.so", ["-q", "script.jl", "a1"] },
        { ["--sysimage", "x.so", "-e", "1"], "x.so", ["-e", "1"] },
    };

    [Theory]
    [MemberData(nameof(ImageSpellings))]
    public void Scan_ImageOption_IsRemovedAndRecorded(string[] args, string image, string[] rest)
    {
        var result = JuliaArgumentScanner.Scan(args);

        Assert.Equal(image, result.Image);
        Assert.Null(result.CpuTarget);
        Assert.Equal(rest, result.Rest);
    }

    /// <summary>args, expected CPU target (the args are kept in Rest unchanged).</summary>
    public static TheoryData<string[], string> CpuSpellings => new()
    {
        { ["-C", "generic"], "generic" },
        { ["-Cgeneric"], "generic" },
        { ["--cpu-target", "generic"], "generic" },
        { ["--cpu-target=generic"], "generic" },
        { ["--cpu-target=generic;sandybridge,-xsaveopt,clone_all"], "generic;sandybridge,-xsaveopt,clone_all" },
        { ["-qC", "x86-64"], "x86-64" },
        { ["-qCx86-64"], "x86-64" },
        { ["-C", "a", "--cpu-target=b", "-Cc"], "c" },
    };

    [Theory]
    [MemberData(nameof(CpuSpellings))]
    public void Scan_CpuTargetOption_IsRecordedAndKept(string[] args, string cpu)
    {
        var result = JuliaArgumentScanner.Scan(args);

        Assert.Equal(cpu, result.CpuTarget);
        Assert.Null(result.Image);
        Assert.Equal(args, result.Rest);
    }

    [Theory]
    [InlineData("-J", "a.so", "--sysimage=b.so", "-Jc.so")]
    [InlineData("--sysimage", "a.so", "-J", "b.so", "--sysimage=c.so")]
    public void Scan_SeveralImageOptions_LastOneWins(params string[] args)
    {
        var result = JuliaArgumentScanner.Scan(args);

        Assert.Equal("c.so", result.Image);
        Assert.Empty(result.Rest);
    }

    /// <summary>args, expected image, expected rest: short options clustered with J.</summary>
    public static TheoryData<string[], string, string[]> Clusters => new()
    {
        { ["-qJx.so"], "x.so", ["-q"] },
        { ["-qJ", "x.so"], "x.so", ["-q"] },
        { ["-iqJx.so", "script.jl"], "x.so", ["-iq", "script.jl"] },
        { ["-qiJ", "x.so", "-e", "1"], "x.so", ["-qi", "-e", "1"] },
        { ["-Jq"], "q", [] },
    };

    [Theory]
    [MemberData(nameof(Clusters))]
    public void Scan_ClusterEndingInJ_KeepsLeadingFlagsAndDropsImage(string[] args, string image, string[] rest)
    {
        var result = JuliaArgumentScanner.Scan(args);

        Assert.Equal(image, result.Image);
        Assert.Equal(rest, result.Rest);
    }

    [Fact]
    public void Scan_ClusterWithValueOptionBeforeJ_TreatsTheRestAsThatOptionsValue()
    {
        // getopt: in -eJ the J is -e's attached value, not an option.
        var result = JuliaArgumentScanner.Scan(["-eJ", "x.so"]);

        Assert.Null(result.Image);
        Assert.Equal(["-eJ", "x.so"], result.Rest);
    }

    /// <summary>Arguments where -J appears but is not Julia's option; nothing is recorded and Rest is the input.</summary>
    public static TheoryData<string[]> NotAnImageOption => new()
    {
        { ["script.jl", "-J", "x.so"] },
        { ["-q", "script.jl", "-J", "x.so", "--sysimage=y.so"] },
        { ["--", "-J", "x.so"] },
        { ["-q", "--", "-Jx.so"] },
        { ["-e", "-J"] },
        { ["-e", "-J", "x.so"] },
        { ["--eval", "-J", "x.so"] },
        { ["--eval=-J", "x.so"] },
        { ["--project", "script.jl", "-J", "x.so"] },
        { ["-m", "Mod", "-J", "x.so"] },
        { ["-mMod", "-J", "x.so"] },
        { ["--module=Mod", "-J", "x.so"] },
        { ["--module", "-J", "x.so"] },
        { ["-q", "-m", "Mod", "--sysimage", "x.so"] },
        { ["-", "-J", "x.so"] },
        { ["", "-J", "x.so"] },
        { ["-L", "-Jx.so", "script.jl"] },
    };

    [Theory]
    [MemberData(nameof(NotAnImageOption))]
    public void Scan_JNotInOptionPosition_IsKeptAndNotRecorded(string[] args)
    {
        var result = JuliaArgumentScanner.Scan(args);

        Assert.Null(result.Image);
        Assert.Equal(args, result.Rest);
    }

    /// <summary>args, expected rest: options that take values must not hide a later -J.</summary>
    public static TheoryData<string[], string[]> ValuesBeforeImage => new()
    {
        { ["-e", "code", "-J", "x.so"], ["-e", "code"] },
        { ["-E", "1+1", "-J", "x.so"], ["-E", "1+1"] },
        { ["--eval", "script.jl", "-J", "x.so"], ["--eval", "script.jl"] },
        { ["--eval=code", "-J", "x.so"], ["--eval=code"] },
        { ["-O", "3", "-J", "x.so"], ["-O", "3"] },
        { ["-O3", "-J", "x.so"], ["-O3"] },
        { ["-t", "4", "-p", "2", "-g", "2", "-J", "x.so"], ["-t", "4", "-p", "2", "-g", "2"] },
        { ["-L", "setup.jl", "-H", "/home", "-J", "x.so"], ["-L", "setup.jl", "-H", "/home"] },
        { ["--threads", "auto", "--project=@.", "-J", "x.so"], ["--threads", "auto", "--project=@."] },
        { ["--project", "-J", "x.so"], ["--project"] },
        { ["--optimize", "-J", "x.so"], ["--optimize"] },
        { ["--code-coverage", "-J", "x.so"], ["--code-coverage"] },
        { ["--not-a-julia-option", "-J", "x.so"], ["--not-a-julia-option"] },
        { ["--startup-file=no", "--history-file", "no", "-J", "x.so"], ["--startup-file=no", "--history-file", "no"] },
    };

    [Theory]
    [MemberData(nameof(ValuesBeforeImage))]
    public void Scan_OptionValuesBeforeJ_AreSkippedAndJStillFound(string[] args, string[] rest)
    {
        var result = JuliaArgumentScanner.Scan(args);

        Assert.Equal("x.so", result.Image);
        Assert.Equal(rest, result.Rest);
    }

    [Fact]
    public void Scan_AwkwardArguments_ArePreservedVerbatimAndInOrder()
    {
        string[] args =
        [
            "-e", "println(\"a b\")\n# done", "-J", "/path with spaces/ümlaut 'q'.so", "--project=/a b/\"c\"",
            "script with space.jl", "", " ", "'single'", "\"double\"", "line1\nline2", "tab\there", "ünïcødé ✓ 🚀",
            "-J", "other.so", "--", "$HOME", "*", "back\\slash",
        ];

        var result = JuliaArgumentScanner.Scan(args);

        Assert.Equal("/path with spaces/ümlaut 'q'.so", result.Image);
        string[] expected = [args[0], args[1], .. args[4..]];
        Assert.Equal(expected, result.Rest);
    }

    [Fact]
    public void Scan_NoArguments_GivesNothing()
    {
        var result = JuliaArgumentScanner.Scan([]);

        Assert.Null(result.Image);
        Assert.Null(result.CpuTarget);
        Assert.Empty(result.Rest);
    }

    [Theory]
    [InlineData("--sysimage=")]
    [InlineData("-J", "")]
    [InlineData("--sysimage", "")]
    public void Scan_EmptyImageValue_IsRecordedAsEmpty(params string[] args)
    {
        // The planner, not the scanner, rejects the empty value.
        var result = JuliaArgumentScanner.Scan(args);

        Assert.Equal(string.Empty, result.Image);
        Assert.Empty(result.Rest);
    }

    [Theory]
    [InlineData("-J", "-J")]
    [InlineData("--sysimage", "--sysimage")]
    [InlineData("-C", "-C")]
    [InlineData("--cpu-target", "--cpu-target")]
    [InlineData("-qJ", "-J")]
    [InlineData("-e", "-e")]
    [InlineData("--eval", "--eval")]
    public void Scan_ValueMissingAtEnd_ThrowsUsageError(string last, string option)
    {
        var error = Assert.Throws<UserError>(() => JuliaArgumentScanner.Scan(["-q", last]));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Contains(option + " requires a value", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--project")]
    [InlineData("-q")]
    [InlineData("--optimize")]
    public void Scan_OptionWithoutRequiredValueAtEnd_DoesNotThrow(string last)
    {
        var result = JuliaArgumentScanner.Scan([last]);

        Assert.Equal([last], result.Rest);
    }
}
