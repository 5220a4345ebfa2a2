using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

public sealed class JuliaLocatorSpecs
{
    private const string FromOption = "/opt/option-julia/bin/julia";
    private const string FromEnv = "/opt/env-julia/bin/julia";
    private const string Recorded = "/opt/recorded-julia/bin/julia";
    private const string OnPath = "/usr/bin/julia";
    private const string FromConfig = "/opt/config-julia/bin/julia";

    private static readonly Func<string?> NoConfig = () => null;

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddExecutable(Contexts.LauncherRealPath)
        .AddExecutable(FromOption)
        .AddExecutable(FromEnv)
        .AddExecutable(Recorded)
        .AddExecutable(OnPath)
        .AddExecutable(FromConfig);

    [Theory]
    [InlineData(true, true, true, FromOption)]
    [InlineData(true, false, false, FromOption)]
    [InlineData(true, true, false, FromOption)]
    [InlineData(false, true, true, FromEnv)]
    [InlineData(false, true, false, FromEnv)]
    [InlineData(false, false, true, Recorded)]
    [InlineData(false, false, false, OnPath)]
    public void Locate_SeveralSources_FollowsPrecedence(bool option, bool env, bool recorded, string expected)
    {
        var context = env
            ? Contexts.Linux(("PATH", "/usr/bin"), (EnvironmentVariables.Julia, FromEnv))
            : Contexts.Linux(("PATH", "/usr/bin"));

        var julia = JuliaLocator.Locate(context, option ? FromOption : null, NoConfig, recorded ? Recorded : null, fs).Path;

        Assert.Equal(expected, julia);
    }

    [Theory]
    [InlineData(true, false, FromEnv)]
    [InlineData(false, true, FromConfig)]
    [InlineData(false, false, FromConfig)]
    public void Locate_ConfigJulia_ComesAfterTheVariableAndBeforeTheImageMetadata(bool env, bool recorded, string expected)
    {
        var context = env
            ? Contexts.Linux(("PATH", "/usr/bin"), (EnvironmentVariables.Julia, FromEnv))
            : Contexts.Linux(("PATH", "/usr/bin"));

        var julia = JuliaLocator.Locate(context, null, () => FromConfig, recorded ? Recorded : null, fs).Path;

        Assert.Equal(expected, julia);
    }

    [Fact]
    public void Locate_OptionOrVariableGiven_NeverReadsTheConfig()
    {
        var context = Contexts.Linux(("PATH", "/usr/bin"), (EnvironmentVariables.Julia, FromEnv));

        var julia = JuliaLocator.Locate(context, null, () => throw new InvalidOperationException("config read"), null, fs).Path;

        Assert.Equal(FromEnv, julia);
    }

    [Fact]
    public void Locate_EmptyJuliaNetJulia_IsIgnored()
    {
        var context = Contexts.Linux(("PATH", "/usr/bin"), (EnvironmentVariables.Julia, ""));

        Assert.Equal(OnPath, JuliaLocator.Locate(context, null, NoConfig, null, fs).Path);
    }

    [Fact]
    public void Locate_PathSearch_SkipsDirectoriesNonExecutablesAndItself()
    {
        fs.AddDirectory("/a/julia")
            .AddFile("/b/julia", [1, 2, 3], executable: false)
            .AddSymlink("/c/julia", Contexts.LauncherRealPath)
            .AddExecutable("/d/julia")
            .AddExecutable("/e/julia");
        var context = Contexts.Linux(("PATH", "/missing:/a:/b:/c:/opt/julia-net/lib:/d:/e"));

        Assert.Equal("/d/julia", JuliaLocator.Locate(context, null, NoConfig, null, fs).Path);
    }

    [Fact]
    public void Locate_PathSearch_FollowsSymlinkToRealJulia()
    {
        fs.AddSymlink("/usr/local/bin/julia", "/opt/julia-1.10.4/bin/julia").AddExecutable("/opt/julia-1.10.4/bin/julia");
        var context = Contexts.Linux(("PATH", "/usr/local/bin:/usr/bin"));

        // The path on PATH is returned, not its target.
        Assert.Equal("/usr/local/bin/julia", JuliaLocator.Locate(context, null, NoConfig, null, fs).Path);
    }

    [Theory]
    [InlineData(":/usr/bin", "/work/project/julia")]
    [InlineData("bin:/usr/bin", "/work/project/bin/julia")]
    [InlineData("../tools:/usr/bin", "/work/tools/julia")]
    public void Locate_RelativeOrEmptyPathEntry_IsResolvedAgainstWorkingDirectory(string path, string expected)
    {
        fs.AddExecutable(expected);
        var context = Contexts.Linux(("PATH", path));

        Assert.Equal(expected, JuliaLocator.Locate(context, null, NoConfig, null, fs).Path);
    }

    [Theory]
    [InlineData("/nothing/here")]
    [InlineData("/opt/julia-net/lib")]
    [InlineData("")]
    public void Locate_NoUsableJuliaOnPath_ThrowsJuliaNotFound(string path)
    {
        fs.AddSymlink("/opt/julia-net/lib/julia", Contexts.LauncherRealPath);
        var context = Contexts.Linux(("PATH", path));

        var error = Assert.Throws<UserError>(() => JuliaLocator.Locate(context, null, NoConfig, null, fs));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
    }

    [Fact]
    public void Locate_PathUnset_ThrowsJuliaNotFound()
    {
        var error = Assert.Throws<UserError>(() => JuliaLocator.Locate(Contexts.Linux(), null, NoConfig, null, fs));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
    }

    public enum Source
    {
        Option,
        Environment,
        Metadata,
    }

    public enum Problem
    {
        Missing,
        Directory,
        NotExecutable,
        SymlinkToItself,
        Itself,
    }

    public static TheoryData<Source, Problem, ExitCode> Problems()
    {
        var data = new TheoryData<Source, Problem, ExitCode>();
        foreach (var source in Enum.GetValues<Source>())
        {
            data.Add(source, Problem.Missing, ExitCode.JuliaNotFound);
            data.Add(source, Problem.Directory, ExitCode.JuliaNotUsable);
            data.Add(source, Problem.NotExecutable, ExitCode.JuliaNotUsable);
            data.Add(source, Problem.SymlinkToItself, ExitCode.JuliaNotUsable);
            data.Add(source, Problem.Itself, ExitCode.JuliaNotUsable);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Locate_UnusableExplicitJulia_ThrowsWithExitCodeAndSource(Source source, Problem problem, ExitCode exitCode)
    {
        var path = problem == Problem.Itself ? Contexts.LauncherRealPath : "/bad/julia";
        _ = problem switch
        {
            Problem.Directory => fs.AddDirectory(path),
            Problem.NotExecutable => fs.AddFile(path, [0x7F, 0x45, 0x4C, 0x46], executable: false),
            Problem.SymlinkToItself => fs.AddSymlink(path, Contexts.LauncherRealPath),
            _ => fs,
        };
        var context = source == Source.Environment
            ? Contexts.Linux(("PATH", "/usr/bin"), (EnvironmentVariables.Julia, path))
            : Contexts.Linux(("PATH", "/usr/bin"));

        var error = Assert.Throws<UserError>(() => JuliaLocator.Locate(context, source == Source.Option ? path : null, NoConfig, source == Source.Metadata ? path : null, fs));

        Assert.Equal(exitCode, error.ExitCode);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        var named = source switch
        {
            Source.Option => "--julia",
            Source.Environment => EnvironmentVariables.Julia,
            _ => "the image's metadata",
        };
        Assert.Contains($"(from {named})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_BareNameInOption_IsLookedUpOnPath()
    {
        fs.AddFile("/usr/local/bin/julia-1.10", [], executable: false).AddExecutable("/usr/bin/julia-1.10");
        var context = Contexts.Linux(("PATH", "/usr/local/bin:/usr/bin"));

        Assert.Equal("/usr/bin/julia-1.10", JuliaLocator.Locate(context, "julia-1.10", NoConfig, null, fs).Path);
    }

    [Fact]
    public void Locate_BareNameInEnvironment_IsLookedUpOnPath()
    {
        fs.AddExecutable("/usr/bin/julia-1.11");
        var context = Contexts.Linux(("PATH", "/usr/bin"), (EnvironmentVariables.Julia, "julia-1.11"));

        Assert.Equal("/usr/bin/julia-1.11", JuliaLocator.Locate(context, null, NoConfig, null, fs).Path);
    }

    [Fact]
    public void Locate_BareNameInOption_SkipsJuliaNetInstalledAsJulia()
    {
        fs.AddSymlink("/opt/jn/bin/julia", Contexts.LauncherRealPath);
        var context = Contexts.Linux(("PATH", "/opt/jn/bin:/usr/bin"));

        Assert.Equal(OnPath, JuliaLocator.Locate(context, "julia", NoConfig, null, fs).Path);
    }

    [Fact]
    public void Locate_BareNameNotOnPath_ThrowsJuliaNotFound()
    {
        var context = Contexts.Linux(("PATH", "/usr/bin"));

        var error = Assert.Throws<UserError>(() => JuliaLocator.Locate(context, "julia-9.9", NoConfig, null, fs));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        Assert.Contains("julia-9.9", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bin/julia", "/work/project/bin/julia")]
    [InlineData("./julia", "/work/project/julia")]
    [InlineData("../julia-1.10/bin/julia", "/work/julia-1.10/bin/julia")]
    [InlineData("/opt/x/../y/./julia", "/opt/y/julia")]
    public void Locate_PathWithDirectory_IsMadeAbsoluteAgainstWorkingDirectory(string given, string expected)
    {
        fs.AddExecutable(expected).AddExecutable("/usr/bin/" + Path.GetFileName(given));
        var context = Contexts.Linux(("PATH", "/usr/bin"));

        Assert.Equal(expected, JuliaLocator.Locate(context, given, NoConfig, null, fs).Path);
        Assert.Equal(expected, JuliaLocator.Locate(context with { Environment = Contexts.Env(("PATH", "/usr/bin"), (EnvironmentVariables.Julia, given)) }, null, NoConfig, null, fs).Path);
    }

    [Theory]
    [InlineData(Platform.Linux, "julia")]
    [InlineData(Platform.MacOS, "julia")]
    [InlineData(Platform.Windows, "julia.exe")]
    public void JuliaExeName_Platform_IsThePlatformsExecutableName(Platform platform, string expected)
    {
        Assert.Equal(expected, JuliaLocator.JuliaExeName(platform));
    }
}
