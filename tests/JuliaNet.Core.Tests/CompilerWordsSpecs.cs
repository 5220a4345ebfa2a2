using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Paths;

namespace JuliaNet.Core.Tests;

/// <summary><c>JULIA_CC</c> is a command, split into words as PackageCompiler splits it (<c>Base.shell_split</c>).</summary>
public sealed class CompilerWordsSpecs
{
    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddExecutable("/usr/bin/cc")
        .AddExecutable("/usr/bin/gcc")
        .AddExecutable("/opt/my cc/bin/gcc");

    private (string Program, IReadOnlyList<string> Args) Locate(string? juliaCc) =>
        CompilerLocator.Locate(juliaCc is null ? Contexts.Linux(("PATH", "/usr/bin")) : Contexts.Linux(("PATH", "/usr/bin"), ("JULIA_CC", juliaCc)), fs);

    [Theory]
    [InlineData("gcc -g", new[] { "gcc", "-g" })]
    [InlineData("  gcc \t -g  -O2 ", new[] { "gcc", "-g", "-O2" })]
    [InlineData("'/opt/my cc/bin/gcc' -g", new[] { "/opt/my cc/bin/gcc", "-g" })]
    [InlineData("\"/opt/my cc/bin/gcc\"", new[] { "/opt/my cc/bin/gcc" })]
    [InlineData("/opt/my\\ cc/bin/gcc", new[] { "/opt/my cc/bin/gcc" })]
    [InlineData("gcc \"-DX=\\\"a b\\\"\" '$HOME'", new[] { "gcc", "-DX=\"a b\"", "$HOME" })]
    [InlineData("gcc \"a\\nb\" c\"d\"'e'", new[] { "gcc", "a\\nb", "cde" })]
    [InlineData("", new string[0])]
    public void Split_ReadsWordsAsJuliasShellSplit(string text, string[] words)
    {
        Assert.Equal(words, ShellWords.Split(text));
    }

    [Theory]
    [InlineData("gcc 'unclosed")]
    [InlineData("gcc \"unclosed")]
    [InlineData("gcc \\")]
    public void Split_UnclosedQuoteOrTrailingBackslash_IsNull(string text)
    {
        Assert.Null(ShellWords.Split(text));
    }

    [Fact]
    public void Locate_JuliaCcWithWords_IsTheProgramFoundOnPathAndItsWords()
    {
        var (program, args) = Locate("gcc -g -Wl,-z,now");

        Assert.Equal("/usr/bin/gcc", program);
        Assert.Equal(["-g", "-Wl,-z,now"], args);
    }

    [Fact]
    public void Locate_JuliaCcQuotedPathWithSpace_IsThatPath()
    {
        var (program, args) = Locate("'/opt/my cc/bin/gcc'");

        Assert.Equal("/opt/my cc/bin/gcc", program);
        Assert.Empty(args);
    }

    [Fact]
    public void Locate_NoJuliaCc_IsCcWithoutWords()
    {
        var (program, args) = Locate(null);

        Assert.Equal("/usr/bin/cc", program);
        Assert.Empty(args);
    }

    [Theory]
    [InlineData("gcc 'oops")]
    [InlineData("   ")]
    public void Locate_JuliaCcThatIsNoCommand_IsNoCompilerNamingTheValue(string value)
    {
        var error = Assert.Throws<UserError>(() => Locate(value));

        Assert.Equal(ExitCode.NoCompiler, error.ExitCode);
        Assert.Equal($"JULIA_CC is not a command: \"{value}\" (an unclosed quote, or no words)", error.Message);
    }
}
