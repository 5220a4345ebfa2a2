using JuliaNet.Config;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Launching;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

public sealed class WrapperPlannerSpecs
{
    private const string Bin = "/home/alice/.local/bin";
    private const string Wrapper = Bin + "/julia";
    private const string ConfigPath = "/home/alice/.config/julia-net/config.json";

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddExecutable(Contexts.LauncherRealPath)
        .AddSymlink(Contexts.Launcher, Contexts.LauncherRealPath)
        .AddExecutable("/usr/bin/julia")
        .AddDirectory(Bin)
        .AddElfImage("/images/app.so");

    private static ProcessFacts Context(string path = Bin + ":/usr/bin") => Contexts.Linux(("PATH", path));

    [Fact]
    public void PlanInstall_EmptyDirectory_SymlinksJuliaToTheInvokedLauncherPath()
    {
        var plan = WrapperPlanner.PlanInstall(Context(), Bin, null, null, fs);

        Assert.Equal(Wrapper, plan.WrapperPath);
        Assert.Equal(Contexts.Launcher, plan.Target);
        Assert.Equal(WrapperKind.Symlink, plan.Kind);
        Assert.False(plan.Replaces);
        Assert.Null(plan.Config);
    }

    [Fact]
    public void PlanInstall_WithSysimageAndJulia_WritesThemAbsoluteIntoTheConfig()
    {
        var plan = WrapperPlanner.PlanInstall(Context(), "../../home/alice/.local/bin", "/images/app.so", "julia", fs);

        Assert.Equal(Wrapper, plan.WrapperPath);
        Assert.Equal(ConfigPath, plan.ConfigPath);
        Assert.Equal(new UserConfig("/images/app.so", "/usr/bin/julia"), plan.Config);
    }

    [Fact]
    public void PlanInstall_KeepsTheOtherConfigValue()
    {
        fs.AddTextFile(ConfigPath, """{ "julia": "/usr/bin/julia" }""");

        var plan = WrapperPlanner.PlanInstall(Context(), Bin, "/images/app.so", null, fs);

        Assert.Equal(new UserConfig("/images/app.so", "/usr/bin/julia"), plan.Config);
    }

    [Theory]
    [InlineData("/images/none.so", ExitCode.ImageNotFound)]
    [InlineData("/usr/bin", ExitCode.ImageUnusable)]
    public void PlanInstall_BadSysimage_FailsBeforeAnythingIsWritten(string image, ExitCode exitCode)
    {
        fs.AddDirectory("/usr/bin");

        var error = Assert.Throws<UserError>(() => WrapperPlanner.PlanInstall(Context(), Bin, image, null, fs));

        Assert.Equal(exitCode, error.ExitCode);
    }

    [Fact]
    public void PlanInstall_OurWrapperAlreadyThere_ReplacesIt()
    {
        fs.AddSymlink(Wrapper, "/old/tools/julia-net");

        var plan = WrapperPlanner.PlanInstall(Context(), Bin, null, null, fs);

        Assert.True(plan.Replaces);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PlanInstall_RealJuliaThere_RefusesToReplaceIt(bool symlinkToJulia)
    {
        if (symlinkToJulia)
        {
            fs.AddSymlink(Wrapper, "/usr/bin/julia");
        }
        else
        {
            fs.AddExecutable(Wrapper);
        }

        var error = Assert.Throws<UserError>(() => WrapperPlanner.PlanInstall(Context(), Bin, null, null, fs));

        Assert.Equal(ExitCode.WrapperConflict, error.ExitCode);
        Assert.Contains("not a julia-net wrapper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanInstall_InvokedThroughTheWrapper_TargetsTheLauncherItLinksTo()
    {
        fs.AddSymlink(Wrapper, Contexts.Launcher);
        var context = Context() with { ProgramPath = Wrapper };

        var plan = WrapperPlanner.PlanInstall(context, "/elsewhere", null, null, fs);

        Assert.Equal(Contexts.Launcher, plan.Target);
    }

    [Fact]
    public void PlanInstall_AnotherJuliaFirstOnPath_SaysSo()
    {
        var plan = WrapperPlanner.PlanInstall(Context("/usr/bin:" + Bin), Bin, "/images/app.so", null, fs);

        var note = Assert.Single(plan.Notes);
        Assert.Contains("/usr/bin/julia comes before the wrapper on PATH", note, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanInstall_NoDefaultImageAnywhere_SaysJuliaRunsItsDefaultImage()
    {
        var plan = WrapperPlanner.PlanInstall(Context(), Bin, null, null, fs);

        var note = Assert.Single(plan.Notes);
        Assert.Contains("no default image set", note, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanInstall_DirectoryIsAFile_IsAConflict()
    {
        fs.AddTextFile("/home/alice/file", "x");

        var error = Assert.Throws<UserError>(() => WrapperPlanner.PlanInstall(Context(), "/home/alice/file", null, null, fs));

        Assert.Equal(ExitCode.WrapperConflict, error.ExitCode);
    }

    [Fact]
    public void PlanRemove_OurWrapper_RemovesIt()
    {
        fs.AddSymlink(Wrapper, Contexts.Launcher);

        var removal = WrapperPlanner.PlanRemove(Context(), Bin, fs);

        Assert.Equal(Wrapper, removal?.WrapperPath);
        Assert.Empty(removal!.AlsoDelete);
    }

    [Fact]
    public void PlanRemove_NoWrapper_IsNothingToDo()
    {
        Assert.Null(WrapperPlanner.PlanRemove(Context(), Bin, fs));
    }

    [Fact]
    public void PlanRemove_RealJulia_RefusesToRemoveIt()
    {
        fs.AddExecutable(Wrapper);

        var error = Assert.Throws<UserError>(() => WrapperPlanner.PlanRemove(Context(), Bin, fs));

        Assert.Equal(ExitCode.WrapperConflict, error.ExitCode);
    }

    [Fact]
    public void PlanInstall_JuliaPlusChannel_SavesTheChannelNotItsBinary()
    {
        fs.AddJuliaup();

        var plan = WrapperPlanner.PlanInstall(Context(), Bin, null, "+1.10", fs);

        Assert.Equal(new UserConfig(null, "+1.10"), plan.Config);
    }

    [Fact]
    public void PlanInstall_JuliaFoundIsJuliaupsLauncher_SavesTheLauncherSoItsChannelsApply()
    {
        fs.AddJuliaup();

        var plan = WrapperPlanner.PlanInstall(Context(Bin + ":" + JuliaupFiles.BinDir + ":/usr/bin"), Bin, null, "julia", fs);

        Assert.Equal(new UserConfig(null, JuliaupFiles.Launcher), plan.Config);
    }
}
