using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Juliaup;
using JuliaNet.Launching;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

public sealed class JuliaupHomeSpecs
{
    [Fact]
    public void Directory_NoJuliaupDepotPath_IsJuliaupUnderDotJuliaInHome()
    {
        Assert.Equal(JuliaupFiles.Dir, JuliaupHome.Directory(Contexts.Linux()));
        Assert.Equal(JuliaupFiles.ConfigFile, JuliaupHome.ConfigFile(Contexts.Linux()));
    }

    [Theory]
    [InlineData("/data/depot", "/data/depot/juliaup")]
    [InlineData("/data/depot/", "/data/depot/juliaup")]
    [InlineData("  /data/depot \n", "/data/depot/juliaup")]
    [InlineData("/data/a:/data/b", "/data/a:/data/b/juliaup")]
    public void Directory_JuliaupDepotPath_IsItsJuliaupDirectoryTrimmedAsJuliaupTrimsIt(string value, string expected)
    {
        var context = Contexts.Linux((EnvironmentVariables.JuliaupDepotPath, value));

        Assert.Equal(expected, JuliaupHome.Directory(context));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Directory_BlankJuliaupDepotPath_CountsAsUnset(string value)
    {
        Assert.Equal(JuliaupFiles.Dir, JuliaupHome.Directory(Contexts.Linux((EnvironmentVariables.JuliaupDepotPath, value))));
    }

    [Fact]
    public void Directory_JuliaDepotPath_IsNotReadAsJuliaupNoLongerReadsIt()
    {
        var context = Contexts.Linux((EnvironmentVariables.DepotPath, "/data/depot:/shared"));

        Assert.Equal(JuliaupFiles.Dir, JuliaupHome.Directory(context));
    }

    [Theory]
    [InlineData("depot")]
    [InlineData("~/depot")]
    [InlineData("./depot")]
    public void Directory_RelativeJuliaupDepotPath_ThrowsJuliaupConfigInvalid(string value)
    {
        var error = Assert.Throws<UserError>(() => JuliaupHome.Directory(Contexts.Linux((EnvironmentVariables.JuliaupDepotPath, value))));

        Assert.Equal(ExitCode.JuliaupConfigInvalid, error.ExitCode);
        Assert.Equal($"JULIAUP_DEPOT_PATH is not an absolute path: {value}", error.Message);
    }

    [Theory]
    [InlineData(JuliaupFiles.Launcher, true)]
    [InlineData(JuliaupFiles.LauncherBinary, true)]
    [InlineData("/usr/local/bin/julia", true)]
    [InlineData("/opt/juliaup/julialauncher.exe", true)]
    [InlineData(JuliaupFiles.Release, false)]
    [InlineData("/usr/bin/julia", false)]
    [InlineData("/opt/julialauncher/bin/julia", false)]
    public void IsLauncher_Path_IsWhetherItResolvesToAFileNamedJulialauncher(string path, bool expected)
    {
        var fs = new FakeFileSystem().AddJuliaup()
            .AddSymlink("/usr/local/bin/julia", "/opt/juliaup/bin/julialauncher")
            .AddExecutable("/opt/juliaup/bin/julialauncher")
            .AddExecutable("/opt/juliaup/julialauncher.exe")
            .AddExecutable("/usr/bin/julia")
            .AddExecutable("/opt/julialauncher/bin/julia");

        Assert.Equal(expected, JuliaupHome.IsLauncher(path, fs));
    }

    [Fact]
    public void Load_NoJuliaupJson_IsNull()
    {
        Assert.Null(JuliaupHome.Load(Contexts.Linux(), new FakeFileSystem()));
    }

    [Fact]
    public void Load_JuliaupJsonUnderJuliaupDepotPath_IsRead()
    {
        var fs = new FakeFileSystem().AddTextFile("/data/depot/juliaup/juliaup.json", JuliaupFiles.Json("1.10"));

        var config = JuliaupHome.Load(Contexts.Linux((EnvironmentVariables.JuliaupDepotPath, "/data/depot")), fs);

        Assert.Equal(("/data/depot/juliaup/juliaup.json", "1.10"), (config?.File, config?.Default));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_JuliaupJsonUnreadableOrADirectory_ThrowsJuliaupConfigInvalid(bool directory)
    {
        var fs = directory
            ? new FakeFileSystem().AddDirectory(JuliaupFiles.ConfigFile)
            : new FakeFileSystem().AddFile(JuliaupFiles.ConfigFile, [], readable: false);

        var error = Assert.Throws<UserError>(() => JuliaupHome.Load(Contexts.Linux(), fs));

        Assert.Equal(ExitCode.JuliaupConfigInvalid, error.ExitCode);
        Assert.Contains(JuliaupFiles.ConfigFile, error.Message, StringComparison.Ordinal);
    }
}
