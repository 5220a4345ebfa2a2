using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Core.Tests.Support;
using JuliaNet.Errors;
using JuliaNet.Julia;

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
        new BuildPlanner(fs).Plan(options, Contexts.Linux(("PATH", "/usr/bin")) with { ProgramPath = Tools + "/julia-sysimage" }, "1.0.0");

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

        Assert.Equal(ExitCode.OutputInvalid, error.ExitCode);
        Assert.Equal($"the directory of OUTPUT is not writable: {OutputDir}", error.Message);
    }

    [Fact]
    public void Plan_BaseImageThatIsNotAJuliaImage_ThrowsImageUnusable()
    {
        fs.AddFile("/bin/ls", ElfFiles.Build(ElfFiles.SharedObject, [("main", true)]), executable: true);

        var error = Assert.Throws<UserError>(() => Plan(new SysimageOptions { Output = Output, BaseSysimage = "/bin/ls" }));

        Assert.Equal(ExitCode.ImageUnusable, error.ExitCode);
        Assert.Contains("is not a Julia system image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BaseImageMissing_ThrowsInputMissing()
    {
        var error = Assert.Throws<UserError>(() => Plan(new SysimageOptions { Output = Output, BaseSysimage = "/images/none.so" }));

        Assert.Equal(ExitCode.InputMissing, error.ExitCode);
        Assert.Equal("base image not found: /images/none.so", error.Message);
    }

    [Fact]
    public void Plan_BaseImageThatIsAJuliaImage_IsTheBaseSysimageNotAFileInput()
    {
        fs.AddElfImage("/images/base.so");

        var plan = Plan(new SysimageOptions { Output = Output, BaseSysimage = "/images/base.so" });

        Assert.Equal("/images/base.so", plan.BaseSysimage);
        Assert.DoesNotContain(plan.Inputs, i => i.Path == "/images/base.so"); // InputsHash fingerprints it, as it does Julia's default image
    }

    [Theory]
    [InlineData("+1.10", JuliaupFiles.Lts)]
    [InlineData("+dev", JuliaupFiles.Dev)]
    public void Plan_JuliaPlusChannel_BuildsWithAndRecordsTheChannelsBinary(string julia, string binary)
    {
        fs.AddJuliaup();

        var plan = Plan(new SysimageOptions { Output = Output, Julia = julia });

        Assert.Equal(binary, plan.Julia);
        Assert.Contains(plan.Inputs, i => i.Name == "julia" && i.Path == binary);
    }

    [Fact]
    public void Plan_JuliaupsLauncherOnPath_BuildsWithTheDefaultChannelsBinaryNotTheLauncher()
    {
        fs.AddJuliaup();
        var context = Contexts.Linux(("PATH", JuliaupFiles.BinDir + ":/usr/bin")) with { ProgramPath = Tools + "/julia-sysimage" };

        var plan = new BuildPlanner(fs).Plan(new SysimageOptions { Output = Output }, context, "1.0.0");

        Assert.Equal(JuliaupFiles.Release, plan.Julia);
    }

    [Fact]
    public void Plan_UnknownChannel_ThrowsJuliaNotFoundListingTheInstalledChannels()
    {
        fs.AddJuliaup();

        var error = Assert.Throws<UserError>(() => Plan(new SysimageOptions { Output = Output, Julia = "+9.9" }));

        Assert.Equal(ExitCode.JuliaNotFound, error.ExitCode);
        Assert.Equal("juliaup channel 9.9 is not installed (from --julia +9.9); installed channels: 1.10, dev, lts, nightly, release; to install it: juliaup add 9.9", error.Message);
    }

    [Fact]
    public void Plan_Rebuild_IsTheUsersCommandWithAbsolutePathsRunnableFromAnywhere()
    {
        fs.AddDirectory("/work/project").AddTextFile("/work/project/Project.toml", "").AddTextFile("/work/project/run.jl", "1");

        var plan = new BuildPlanner(fs).Plan(
            new SysimageOptions { Output = "images/sys.so", Project = ".", Scripts = ["run.jl"], Strict = true, ImageThreads = 2, MemoryLimit = "6G" },
            Contexts.Linux(("PATH", "/usr/bin")) with { ProgramPath = Tools + "/julia-sysimage" },
            "1.0.0");

        Assert.Equal([Tools + "/julia-sysimage", "--project", "/work/project", "--script", "/work/project/run.jl", "--image-threads", "2", "--memory-limit", "6G", "--strict", Output], plan.Rebuild);
    }

    /// <summary>
    /// The options the rebuild command leaves out, with why; every other option of
    /// <see cref="SysimageOptions"/> (a new one too) is repeated in it.
    /// </summary>
    private static readonly Dictionary<string, string> NotBuildInputs = new(StringComparer.Ordinal)
    {
        [nameof(SysimageOptions.Force)] = "the rebuild runs because the image is out of date: it builds without --force",
        [nameof(SysimageOptions.PrintKey)] = "prints the inputs' key and builds nothing",
        [nameof(SysimageOptions.Debug)] = "how that build logged, not what it builds",
        [nameof(SysimageOptions.Quiet)] = "how that build reported progress, not what it builds",
        [nameof(SysimageOptions.KeepBuildDir)] = "what that build left behind to look at, not what it builds",
    };

    public static TheoryData<string> OptionProperties => SysimageArguments.PropertyNames;

    [Theory]
    [MemberData(nameof(OptionProperties))]
    public void Plan_Rebuild_ParsesBackToTheOptionsGivenLessThoseThatAreNotBuildInputs(string name)
    {
        var baseline = new SysimageOptions { Output = Output };
        var given = GivenWith(name, baseline);
        var unset = SysimageArguments.Values(new SysimageOptions())[name];
        Assert.NotEqual(SysimageArguments.Values(baseline)[name], SysimageArguments.Values(given)[name]);

        var plan = Plan(given);

        Assert.Equal(Tools + "/julia-sysimage", plan.Rebuild[0]);
        var expected = new Dictionary<string, string>(SysimageArguments.Values(given));
        if (NotBuildInputs.ContainsKey(name))
        {
            expected[name] = unset;
        }

        Assert.Equal(expected, SysimageArguments.Values(SysimageArguments.Parse([.. plan.Rebuild.Skip(1)])));
    }

    /// <summary><paramref name="options"/> with the property <paramref name="name"/> set to a value the planner accepts and keeps as given (absolute paths, existing files).</summary>
    private SysimageOptions GivenWith(string name, SysimageOptions options)
    {
        switch (name)
        {
            case nameof(SysimageOptions.Project):
            case nameof(SysimageOptions.Packages):
                fs.AddDirectory("/work/project").AddTextFile("/work/project/Project.toml", "[deps]\nPrintf = \"de0858da-6303-5e67-8744-51eddeeeb8d7\"\n");
                return name == nameof(SysimageOptions.Project) ? options with { Project = "/work/project" } : options with { Project = "/work/project", Packages = ["Printf"] };
            case nameof(SysimageOptions.Scripts):
                fs.AddTextFile("/work/project/run.jl", "1");
                return options with { Scripts = ["/work/project/run.jl"] };
            case nameof(SysimageOptions.PrecompileStatements):
                fs.AddTextFile("/work/project/statements.jl", "precompile(+, (Int, Int))");
                return options with { PrecompileStatements = ["/work/project/statements.jl"] };
            case nameof(SysimageOptions.BaseSysimage):
                fs.AddElfImage("/images/base.so");
                return options with { BaseSysimage = "/images/base.so" };
        }

        return name switch
        {
            nameof(SysimageOptions.Output) => options with { Output = OutputDir + "/other.so" },
            nameof(SysimageOptions.Julia) => options with { Julia = "/usr/bin/julia" },
            nameof(SysimageOptions.Launcher) => options with { Launcher = Tools + "/julia-net" },
            nameof(SysimageOptions.CpuTarget) => options with { CpuTarget = "generic" },
            nameof(SysimageOptions.Portable) => options with { Portable = true },
            nameof(SysimageOptions.Force) => options with { Force = true },
            nameof(SysimageOptions.PrintKey) => options with { PrintKey = true },
            nameof(SysimageOptions.Debug) => options with { Debug = true },
            nameof(SysimageOptions.Quiet) => options with { Quiet = true },
            nameof(SysimageOptions.KeepBuildDir) => options with { KeepBuildDir = true },
            nameof(SysimageOptions.Strict) => options with { Strict = true },
            nameof(SysimageOptions.Distributed) => options with { Distributed = true },
            nameof(SysimageOptions.ImageThreads) => options with { ImageThreads = 2 },
            nameof(SysimageOptions.MemoryLimit) => options with { MemoryLimit = "6G" },
            _ => throw new InvalidOperationException($"a new option, {name}: give it a value here, and if the rebuild leaves it out, add it to {nameof(NotBuildInputs)} with why"),
        };
    }

    [Fact]
    public void Plan_DistributedOption_IsForWorkersTracesAndGoesIntoTheRebuildCommandAndTheInputs()
    {
        var plan = Plan(new SysimageOptions { Output = Output, Distributed = true });

        Assert.True(plan.ForWorkers);
        Assert.True(BuildSteps.Traces(plan)); // no script, yet a trace step: the session with workers
        Assert.Equal([Tools + "/julia-sysimage", "--distributed", Output], plan.Rebuild);
        Assert.Equal("yes", plan.Values["workers"]);
    }

    [Theory]
    [InlineData("Distributed", WorkerImage.DistributedUuid, true)]
    [InlineData("Printf", "de0858da-6303-5e67-8744-51eddeeeb8d7", false)]
    public void Plan_ProjectPackages_AreForWorkersExactlyWhenDistributedIsAmongThem(string name, string uuid, bool forWorkers)
    {
        fs.AddDirectory("/work/project").AddTextFile("/work/project/Project.toml", $"[deps]\n{name} = \"{uuid}\"\n");

        var plan = Plan(new SysimageOptions { Output = Output, Project = "/work/project" });

        Assert.Equal(forWorkers, plan.ForWorkers);
        Assert.Equal(forWorkers, BuildSteps.Traces(plan));
        Assert.Equal(forWorkers, plan.Values.ContainsKey("workers")); // an image not for workers keeps the inputs hash it had
        Assert.DoesNotContain("--distributed", plan.Rebuild);
    }

    [Fact]
    public void Plan_ADependencyThatNeedsDistributed_IsNotForWorkers()
    {
        const string P = "7a1e0000-0000-4000-8000-000000000050";
        fs.AddDirectory("/work/project")
            .AddTextFile("/work/project/Project.toml", $"[deps]\nP = \"{P}\"\n")
            .AddTextFile("/work/project/Manifest.toml", $"[[P]]\ndeps = [\"Distributed\"]\npath = \"P\"\nuuid = \"{P}\"\n\n[[Distributed]]\nuuid = \"{WorkerImage.DistributedUuid}\"\n");

        var plan = Plan(new SysimageOptions { Output = Output, Project = "/work/project" });

        Assert.Contains(plan.Dependencies, d => d.Name == "Distributed"); // it goes in, as P needs it
        Assert.False(plan.ForWorkers); // but P may use it for itself: no session with workers
    }

    [Theory]
    [InlineData("4G", 4L << 30)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1000000000", 1_000_000_000L)]
    public void Plan_MemoryLimit_IsInBytes(string given, long bytes)
    {
        Assert.Equal(bytes, Plan(new SysimageOptions { Output = Output, MemoryLimit = given }).MemoryLimit);
    }

    [Theory]
    [InlineData("4X")]
    [InlineData("0")]
    [InlineData("lots")]
    public void Plan_MemoryLimitNotASize_IsAUsageError(string given)
    {
        var error = Assert.Throws<UserError>(() => Plan(new SysimageOptions { Output = Output, MemoryLimit = given }));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Equal($"--memory-limit must be a size such as 4G, 512M or a number of bytes, more than 0, not '{given}'", error.Message);
    }

    [Fact]
    public void Plan_PackageProject_HashesItsSourcesNotTheWholeDirectory()
    {
        fs.AddDirectory("/work/heavy").AddDirectory("/work/heavy/src")
            .AddTextFile("/work/heavy/Project.toml", "name = \"Heavy\"\nuuid = \"00000000-0000-4000-8000-0000000000ff\"\n")
            .AddTextFile("/work/heavy/src/Heavy.jl", "module Heavy end");

        var plan = Plan(new SysimageOptions { Output = Output, Project = "/work/heavy" });

        Assert.Equal(["Heavy"], plan.Packages.Select(p => p.Name));
        Assert.Equal(
            ["project /work/heavy/Project.toml", "package Heavy /work/heavy/Project.toml", "package Heavy /work/heavy/src"],
            plan.Inputs.Where(i => i.ContentHashed).Select(i => $"{i.Name} {i.Path}"));
    }

    [Theory]
    [InlineData("@temp", ExitCode.Usage, "project @temp is a new, empty environment each time Julia starts: it has no image to build (julia-net runs Julia's default image for it); give a project directory")]
    [InlineData("@script", ExitCode.Usage, "project @script is the project of the script Julia runs, and julia-sysimage runs none: give the project directory")]
    [InlineData("@gone", ExitCode.InputMissing, "named environment @gone not found: no environments/gone with a project file in any depot (Julia would make it at /home/alice/.julia/environments/gone)")]
    [InlineData("~/nowhere", ExitCode.InputMissing, "project directory not found: /home/alice/nowhere")]
    public void Plan_ProjectWithNoImageToBuild_IsRefused(string project, ExitCode exitCode, string message)
    {
        var planner = new BuildPlanner(fs, julia => new JuliaInfo("1.12.4", "/usr/lib/julia/sys.so", ["/usr/share/julia"]));
        var context = Contexts.Linux(("PATH", "/usr/bin")) with { ProgramPath = Tools + "/julia-sysimage" };

        var error = Assert.Throws<UserError>(() => planner.Plan(new SysimageOptions { Output = Output, Project = project }, context, "1.0.0"));

        Assert.Equal((exitCode, message), (error.ExitCode, error.Message));
    }
}
