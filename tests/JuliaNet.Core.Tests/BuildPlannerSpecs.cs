using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;

namespace JuliaNet.Core.Tests;

/// <summary>julia-sysimage's validation: what is refused before any Julia process starts.</summary>
public sealed class BuildPlannerSpecs
{
    private const string OutputDir = "/work/project/images";
    private const string Output = OutputDir + "/sys.so";
    private const string Tools = "/opt/julia-net/bin";

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddDirectory(OutputDir)
        .AddExecutable("/usr/bin/julia")
        .AddExecutable("/usr/bin/cc")
        .AddExecutable(Tools + "/julia-net")
        .AddExecutable(Tools + "/julia-sysimage");

    private BuildPlan Plan(SysimageOptions options) =>
        new BuildPlanner(fs).Plan(options, Contexts.Linux(("PATH", "/usr/bin")) with { LauncherPath = Tools + "/julia-sysimage" }, "1.0.0");

    [Fact]
    public void Plan_ValidCommandLine_UsesOutputJuliaCompilerAndLauncherBeside()
    {
        var plan = Plan(new SysimageOptions { Output = Output });

        Assert.Equal((Output, "/usr/bin/julia", "/usr/bin/cc", Tools + "/julia-net"), (plan.Output, plan.Julia, plan.Compiler, plan.Launcher));
    }

    [Fact]
    public void Plan_OutputDirectoryNotWritable_ThrowsOutputInvalid()
    {
        fs.AddDirectory(OutputDir, writable: false);

        var error = Assert.Throws<UserError>(() => Plan(new SysimageOptions { Output = Output }));

        Assert.Equal(ExitCodes.OutputInvalid, error.ExitCode);
        Assert.Equal($"the directory of OUTPUT is not writable: {OutputDir}", error.Message);
    }

    [Fact]
    public void Plan_BaseImageThatIsNotAJuliaImage_ThrowsImageUnusable()
    {
        fs.AddFile("/bin/ls", ElfFiles.Build(ElfFiles.SharedObject, [("main", true)]), executable: true);

        var error = Assert.Throws<UserError>(() => Plan(new SysimageOptions { Output = Output, BaseSysimage = "/bin/ls" }));

        Assert.Equal(ExitCodes.ImageUnusable, error.ExitCode);
        Assert.Contains("is not a Julia system image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BaseImageMissing_ThrowsInputMissing()
    {
        var error = Assert.Throws<UserError>(() => Plan(new SysimageOptions { Output = Output, BaseSysimage = "/images/none.so" }));

        Assert.Equal(ExitCodes.InputMissing, error.ExitCode);
        Assert.Equal("base image not found: /images/none.so", error.Message);
    }

    [Fact]
    public void Plan_BaseImageThatIsAJuliaImage_IsAnInput()
    {
        fs.AddElfImage("/images/base.so");

        var plan = Plan(new SysimageOptions { Output = Output, BaseSysimage = "/images/base.so" });

        Assert.Equal("/images/base.so", plan.BaseSysimage);
        Assert.Contains(plan.Inputs, i => i.Name == "base image" && i.Path == "/images/base.so");
    }
}
