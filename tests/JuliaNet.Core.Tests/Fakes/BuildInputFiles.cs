using JuliaNet.Building;

namespace JuliaNet.Core.Tests.Fakes;

/// <summary>
/// A build's inputs on the fake file system, planned as julia-sysimage plans them: the project
/// /work/app with a precompile script, and the path package Greeter in it (its Project.toml,
/// <c>src/</c> with a subdirectory, and a <c>test/</c> that is no input); Julia with its default image.
/// </summary>
internal static class BuildInputFiles
{
    public const string App = "/work/app";
    public const string Package = App + "/Greeter";
    public const string Src = Package + "/src";
    public const string Script = App + "/precompile.jl";
    public const string Output = "/work/images/sys.so";
    public const string JuliaBinary = "/usr/bin/julia";
    public const string DefaultImage = "/usr/lib/julia/sys.so";
    public const string JuliaVersion = "1.10.8";
    private const string Tools = "/opt/julia-net/bin";

    public static FakeFileSystem Create() => new FakeFileSystem()
        .AddDirectory("/work/images")
        .AddExecutable(JuliaBinary).AddExecutable("/usr/bin/cc").AddExecutable(Tools + "/julia-net").AddExecutable(Tools + "/julia-sysimage")
        .AddElfImage(DefaultImage)
        .AddDirectory(App)
        .AddTextFile(App + "/Project.toml", "[deps]\nGreeter = \"06494650-d4b2-4c25-b0c4-8f2bc77c5ca8\"\n")
        .AddTextFile(App + "/Manifest.toml", "[[Greeter]]\npath = \"Greeter\"\nuuid = \"06494650-d4b2-4c25-b0c4-8f2bc77c5ca8\"\nversion = \"0.1.0\"\n")
        .AddTextFile(Script, "using Greeter\ngreet()\n")
        .AddDirectory(Package)
        .AddTextFile(Package + "/Project.toml", "name = \"Greeter\"\nuuid = \"06494650-d4b2-4c25-b0c4-8f2bc77c5ca8\"\n")
        .AddDirectory(Src)
        .AddTextFile(Src + "/Greeter.jl", "module Greeter\ninclude(\"parts/hello.jl\")\nend\n")
        .AddDirectory(Src + "/parts")
        .AddTextFile(Src + "/parts/hello.jl", "greet() = \"hello\"\n")
        .AddDirectory(Package + "/test")
        .AddTextFile(Package + "/test/runtests.jl", "using Greeter\n");

    /// <summary>The plan of <c>julia-sysimage --project /work/app --script precompile.jl OUTPUT</c>, with <paramref name="baseImage"/> as --base-sysimage when given.</summary>
    public static BuildPlan Plan(FakeFileSystem fs, string? baseImage = null) =>
        new BuildPlanner(fs).Plan(
            new SysimageOptions { Output = Output, Project = App, Scripts = [Script], BaseSysimage = baseImage },
            Contexts.Linux(("PATH", "/usr/bin")) with { ProgramPath = Tools + "/julia-sysimage" },
            "1.0.0");

    /// <summary>The inputs hash of <see cref="Plan"/>, from Julia's default image unless a base image is given.</summary>
    public static InputsHash Hash(FakeFileSystem fs, string? baseImage = null) =>
        InputsHash.Of(Plan(fs, baseImage), baseImage ?? DefaultImage, JuliaVersion, fs);
}
