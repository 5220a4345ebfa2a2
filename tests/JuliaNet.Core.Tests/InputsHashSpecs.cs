using System.Security.Cryptography;
using System.Text;
using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using static JuliaNet.Core.Tests.Fakes.BuildInputFiles;

namespace JuliaNet.Core.Tests;

/// <summary>The inputs hash: equal means julia-sysimage leaves the image as it is, different means it builds.</summary>
public sealed class InputsHashSpecs
{
    private readonly FakeFileSystem fs = BuildInputFiles.Create();

    [Fact]
    public void Of_FilesListedInAnotherOrder_IsTheSameHash()
    {
        var reordered = BuildInputFiles.Create(); // listed last added first: parts/ before Greeter.jl
        reordered.AddTextFile(Src + "/Greeter.jl", reordered.ReadText(Src + "/Greeter.jl")!);

        Assert.Equal(Hash(fs).Value, Hash(reordered).Value);
    }

    [Fact]
    public void Of_ASourceFileChanges_Differs()
    {
        var (before, after) = Around(() => fs.AddTextFile(Src + "/parts/hello.jl", "greet() = \"howdy\"\n"));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Of_ASourceFileTouchedButUnchanged_IsTheSameHash()
    {
        var (before, after) = Around(() => fs.Touch(Src + "/parts/hello.jl", 1_800_000_000_000_000_000).Touch(Src + "/parts", 1_800_000_000_000_000_000));

        Assert.Equal(before, after);
    }

    [Fact]
    public void Of_ASourceFileAdded_Differs()
    {
        var (before, after) = Around(() => fs.AddTextFile(Src + "/parts/bye.jl", ""));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Of_ASourceFileRenamedWithItsContent_Differs()
    {
        var (before, after) = Around(() => fs.Remove(Src + "/parts/hello.jl").AddTextFile(Src + "/parts/hi.jl", "greet() = \"hello\"\n"));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Of_AnEmptyDirectoryAddedToTheSources_IsTheSameHash()
    {
        var (before, after) = Around(() => fs.AddDirectory(Src + "/parts/more"));

        Assert.Equal(before, after);
    }

    [Fact]
    public void Of_ExtDirectoryAdded_Differs()
    {
        var (before, after) = Around(() => fs.AddDirectory(Package + "/ext").AddTextFile(Package + "/ext/GreeterDatesExt.jl", "module GreeterDatesExt end\n"));

        Assert.NotEqual(before, after);
    }

    [Theory]
    [InlineData(Package + "/test/runtests.jl")]
    [InlineData(Package + "/README.md")]
    [InlineData(App + "/run.jl")]
    public void Of_FileOutsideTheInputs_IsNoInput(string path)
    {
        var (before, after) = Around(() => fs.AddTextFile(path, "changed"));

        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData(Script)]
    [InlineData(App + "/Project.toml")]
    [InlineData(App + "/Manifest.toml")]
    [InlineData(Package + "/Project.toml")]
    public void Of_ContentOfAProjectFileOrScriptChanges_Differs(string path)
    {
        var (before, after) = Around(() => fs.AddTextFile(path, fs.ReadText(path) + "# edited\n"));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Of_GitDirectoriesAndGitFilesInTheSources_AreLeftOut()
    {
        var (before, after) = Around(() => fs.AddDirectory(Src + "/.git").AddTextFile(Src + "/.git/HEAD", "ref: refs/heads/main\n")
            .AddTextFile(Src + "/parts/.git", "gitdir: ../../.git/modules/parts\n"));

        Assert.Equal(before, after);
    }

    [Fact]
    public void Of_DotFilesInTheSources_AreInputs()
    {
        var (before, after) = Around(() => fs.AddTextFile(Src + "/.generated.jl", "const X = 1\n"));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Of_SymlinksInTheSources_AreLeftOut()
    {
        fs.AddDirectory("/store").AddTextFile("/store/extra.jl", "extra\n").AddDirectory("/store/lib").AddTextFile("/store/lib/lib.jl", "lib\n");
        var (before, after) = Around(() => fs.AddSymlink(Src + "/extra.jl", "/store/extra.jl").AddSymlink(Src + "/lib", "/store/lib"));

        Assert.Equal(before, after);
    }

    [Fact]
    public void Of_SourceDirectoryThatIsASymlink_HashesWhatItPointsTo()
    {
        fs.Remove(Src).Remove(Src + "/Greeter.jl").Remove(Src + "/parts").Remove(Src + "/parts/hello.jl")
            .AddDirectory("/store/greeter-src").AddTextFile("/store/greeter-src/Greeter.jl", "module Greeter end\n")
            .AddSymlink(Src, "/store/greeter-src");
        var before = Hash(fs);

        fs.AddTextFile("/store/greeter-src/Greeter.jl", "module Greeter; end\n");

        Assert.Equal(Sha("Greeter.jl\0" + Sha("module Greeter end\n")), before.PerInput["package Greeter " + Src]);
        Assert.NotEqual(before.Value, Hash(fs).Value);
    }

    [Fact]
    public void Of_FifoSocketOrDeviceInTheSources_IsNeverOpenedForReading()
    {
        fs.AddSpecial(Src + "/parts/pipe").AddSpecial(Src + "/build.sock");

        Hash(fs);

        Assert.DoesNotContain(Src + "/parts/pipe", fs.OpenedForReading);
        Assert.DoesNotContain(Src + "/build.sock", fs.OpenedForReading);
        Assert.Contains(Src + "/parts/hello.jl", fs.OpenedForReading);
    }

    [Fact]
    public void Of_FifoSocketOrDeviceInTheSources_IsRecordedByItsNameOnly()
    {
        fs.AddSpecial(Src + "/parts/pipe");

        var sources = string.Join("\n", "Greeter.jl\0" + Sha(fs.ReadText(Src + "/Greeter.jl")!), "parts/hello.jl\0" + Sha(fs.ReadText(Src + "/parts/hello.jl")!), "parts/pipe\0special");
        Assert.Equal(Sha(sources), Hash(fs).PerInput["package Greeter " + Src]);
    }

    [Fact]
    public void Of_FifoAddedToTheSources_Differs()
    {
        var (before, after) = Around(() => fs.AddSpecial(Src + "/parts/pipe"));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Of_FifoInTheSourcesWrittenTo_IsTheSameHash()
    {
        fs.AddSpecial(Src + "/parts/pipe");

        var (before, after) = Around(() => fs.Touch(Src + "/parts/pipe", 1_800_000_000_000_000_000));

        Assert.Equal(before, after);
    }

    [Fact]
    public void Of_SourceFileUnreadable_ThrowsInputMissingNamingIt()
    {
        fs.AddFile(Src + "/parts/secret.jl", [], readable: false);

        var error = Assert.Throws<UserError>(() => Hash(fs));

        Assert.Equal(ExitCode.InputMissing, error.ExitCode);
        Assert.Equal($"cannot read {Src}/parts/secret.jl (package Greeter)", error.Message);
    }

    [Fact]
    public void Of_JuliaTouched_Differs()
    {
        var (before, after) = Around(() => fs.Touch(JuliaBinary, 1_800_000_000_000_000_000));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Of_JuliaAndBaseImage_AreFingerprintedBySizeAndTimeNotContent()
    {
        var (before, after) = Around(() => fs.AddFile(JuliaBinary, [0x7F, (byte)'E', (byte)'L', (byte)'G'], executable: true).AddFile(DefaultImage, [.. fs.ReadBytes(DefaultImage)!.Reverse()]));

        Assert.Equal(before, after);
    }

    [Fact]
    public void Of_BaseImageTouched_Differs()
    {
        fs.AddElfImage("/images/base.so");
        var before = Hash(fs, "/images/base.so").Value;

        fs.Touch("/images/base.so", 1_800_000_000_000_000_000);

        Assert.NotEqual(before, Hash(fs, "/images/base.so").Value);
    }

    [Fact]
    public void Of_BaseImage_IsFingerprintedBySizeAndTime()
    {
        fs.AddElfImage("/images/base.so").Touch("/images/base.so", 1_700_000_000_123_456_789);

        var inputs = Hash(fs, "/images/base.so").PerInput;

        Assert.Equal(["base image /images/base.so"], inputs.Keys.Where(k => k.StartsWith("base image", StringComparison.Ordinal)));
        Assert.Equal($"{fs.ReadBytes("/images/base.so")!.Length}:638355968001234567", inputs["base image /images/base.so"]);
    }

    [Fact]
    public void Of_BaseImageThatIsASymlink_IsFingerprintedByTheImageItPointsTo()
    {
        fs.AddElfImage("/store/app-v2.so").Touch("/store/app-v2.so", 1_700_000_000_000_000_000).AddSymlink("/images/base.so", "/store/app-v2.so");

        var inputs = Hash(fs, "/images/base.so").PerInput;

        Assert.Equal($"{fs.ReadBytes("/store/app-v2.so")!.Length}:638355968000000000 of /store/app-v2.so", inputs["base image /images/base.so"]);
    }

    [Fact]
    public void Of_ImageBehindABaseImageSymlinkReplaced_Differs()
    {
        fs.AddElfImage("/store/app-v2.so").AddSymlink("/images/base.so", "/store/app-v2.so");
        var before = Hash(fs, "/images/base.so").Value;

        fs.AddFile("/store/app-v2.so", [.. ElfFiles.JuliaImage(), 0]).Touch("/store/app-v2.so", 1_800_000_000_000_000_000);

        Assert.NotEqual(before, Hash(fs, "/images/base.so").Value);
    }

    [Fact]
    public void Of_BaseImageSymlinkPointedAtAnotherImageOfTheSameSizeAndTime_Differs()
    {
        fs.AddElfImage("/store/app-v2.so").AddElfImage("/store/app-v3.so").AddSymlink("/images/base.so", "/store/app-v2.so");
        var before = Hash(fs, "/images/base.so").Value;

        fs.AddSymlink("/images/base.so", "/store/app-v3.so");

        Assert.NotEqual(before, Hash(fs, "/images/base.so").Value);
    }

    [Fact]
    public void Of_BaseImageSymlinkItselfTouched_IsTheSameHash()
    {
        fs.AddElfImage("/store/app-v2.so").AddSymlink("/images/base.so", "/store/app-v2.so");
        var before = Hash(fs, "/images/base.so").Value;

        fs.Touch("/images/base.so", 1_800_000_000_000_000_000);

        Assert.Equal(before, Hash(fs, "/images/base.so").Value);
    }

    [Theory]
    [InlineData(0, 621355968000000000)]
    [InlineData(1_700_000_000_123_456_789, 638355968001234567)]
    [InlineData(-1, 621355967999999999)]
    [InlineData(-100, 621355967999999999)]
    [InlineData(-101, 621355967999999998)]
    public void Of_ModificationTime_IsInDotNetTicksRoundedDown(long nanoseconds, long ticks)
    {
        fs.Touch(JuliaBinary, nanoseconds);

        Assert.Equal($"4:{ticks}", Hash(fs).PerInput["julia " + JuliaBinary]);
    }

    [Fact]
    public void Of_BaseImageMissing_IsFingerprintedAsMissing()
    {
        var inputs = InputsHash.Of(Plan(fs), "/gone/sys.so", JuliaVersion, fs).PerInput;

        Assert.Equal("missing", inputs["base image /gone/sys.so"]);
    }

    [Fact]
    public void Of_JuliaVersion_IsAnInput()
    {
        var plan = Plan(fs);

        Assert.NotEqual(InputsHash.Of(plan, DefaultImage, "1.10.8", fs).Value, InputsHash.Of(plan, DefaultImage, "1.10.9", fs).Value);
    }

    [Fact]
    public void Of_ASetting_IsAnInput()
    {
        var plan = Plan(fs);

        var other = plan with { Values = new Dictionary<string, string>(plan.Values) { ["cpuTarget"] = "generic" } };

        Assert.NotEqual(InputsHash.Of(plan, DefaultImage, JuliaVersion, fs).Value, InputsHash.Of(other, DefaultImage, JuliaVersion, fs).Value);
    }

    [Fact]
    public void Of_Value_IsTheSha256OfEveryFingerprintInOrdinalOrderOfItsName()
    {
        var plan = Plan(fs);

        var inputs = InputsHash.Of(plan, DefaultImage, JuliaVersion, fs);

        var sources = string.Join("\n", "Greeter.jl\0" + Sha(fs.ReadText(Src + "/Greeter.jl")!), "parts/hello.jl\0" + Sha(fs.ReadText(Src + "/parts/hello.jl")!));
        string[] expected =
        [
            $"base image {DefaultImage}\0{fs.ReadBytes(DefaultImage)!.Length}:621355968000000000",
            "cpuTarget\0native",
            $"julia {JuliaBinary}\0" + "4:621355968000000000",
            "julia version\0" + JuliaVersion,
            "launcher\0/opt/julia-net/bin/julia-net",
            $"manifest {App}/Manifest.toml\0" + Sha(fs.ReadText(App + "/Manifest.toml")!),
            $"package Greeter {Package}/Project.toml\0" + Sha(fs.ReadText(Package + "/Project.toml")!),
            $"package Greeter {Src}\0" + Sha(sources),
            "packages\0Greeter=06494650-d4b2-4c25-b0c4-8f2bc77c5ca8",
            $"project {App}/Project.toml\0" + Sha(fs.ReadText(App + "/Project.toml")!),
            $"script {Script}\0" + Sha(fs.ReadText(Script)!),
            "toolVersion\01.0.0",
        ];
        Assert.Equal(expected, inputs.PerInput.Select(kv => kv.Key + "\0" + kv.Value));
        Assert.Equal(Sha(string.Join("\n", expected)), inputs.Value);
    }

    /// <summary>
    /// The hash julia-sysimage computed (and recorded in images) before the inputs hash moved to
    /// Core, for the tree of files below, made on disk under /tmp/julianet-golden: images built
    /// then must stay up to date. The sources list <c>parts</c>, <c>parts-old.jl</c>,
    /// <c>parts/hello.jl</c> in that (ordinal) order, not as a walk would visit them.
    /// </summary>
    [Fact]
    public void Of_InputsOfAnImageBuiltBefore_IsTheHashItRecorded()
    {
        const string G = "/tmp/julianet-golden";
        var golden = new FakeFileSystem()
            .AddDirectory(G + "/bin").AddTextFile(G + "/bin/julia", "#!julia").Touch(G + "/bin/julia", 1_700_000_000_123_456_789)
            .AddTextFile(G + "/base.so", "ELF").Touch(G + "/base.so", -1)
            .AddTextFile(G + "/app/precompile.jl", "using Greeter\n")
            .AddTextFile(G + "/app/Project.toml", "[deps]\nGreeter = \"06494650-d4b2-4c25-b0c4-8f2bc77c5ca8\"\n")
            .AddDirectory(G + "/app/Greeter/src")
            .AddTextFile(G + "/app/Greeter/src/Greeter.jl", "module Greeter\ninclude(\"parts/hello.jl\")\nend\n")
            .AddDirectory(G + "/app/Greeter/src/parts")
            .AddTextFile(G + "/app/Greeter/src/parts/hello.jl", "greet() = \"hello\"\n")
            .AddTextFile(G + "/app/Greeter/src/parts-old.jl", "greet() = \"old\"\n")
            .AddDirectory(G + "/app/Greeter/src/.git")
            .AddTextFile(G + "/app/Greeter/src/.git/HEAD", "ref: refs/heads/main\n");
        var plan = Plan(fs) with
        {
            Inputs =
            [
                new("julia", G + "/bin/julia", false), new("script", G + "/app/precompile.jl", true),
                new("project", G + "/app/Project.toml", true), new("package Greeter", G + "/app/Greeter/src", true),
            ],
            Values = new Dictionary<string, string> { ["launcher"] = "/opt/julia-net/bin/julia-net", ["cpuTarget"] = "native" },
        };

        Assert.Equal("57666cd1d412de9fe4e0f8c6757a5d5a44b575c1e9dca487af1c39d66c2d9e49", InputsHash.Of(plan, G + "/base.so", "1.10.8", golden).Value);
    }

    /// <summary>The hash before and after <paramref name="change"/> to the file system.</summary>
    private (string Before, string After) Around(Action change)
    {
        var before = Hash(fs).Value;
        change();
        return (before, Hash(fs).Value);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
