using JuliaNet.Bench.Running;

namespace JuliaNet.Bench.Tests;

public sealed class ExecutableSpecs : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Require_ExecutableFile_IsItsAbsolutePath()
    {
        var program = dir.File("julia-net", "#!/bin/sh\n", UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, program);

        Assert.Equal(program, Executable.Require(relative, "--baseline-launcher"));
    }

    [Fact]
    public void Require_MissingFile_IsABenchErrorNamingTheOption()
    {
        var missing = Path.Combine(dir.Path, "julia-net");

        var error = Assert.Throws<BenchError>(() => Executable.Require(missing, "--baseline-launcher"));

        Assert.Equal($"--baseline-launcher: no file at {missing}", error.Message);
    }

    [Fact]
    public void Require_Directory_IsABenchError()
    {
        var error = Assert.Throws<BenchError>(() => Executable.Require(dir.Path, "--baseline-launcher"));

        Assert.Equal($"--baseline-launcher: no file at {dir.Path}", error.Message);
    }

    [Fact]
    public void Require_FileWithoutExecutePermission_IsABenchError()
    {
        var text = dir.File("julia-net", "not a program", UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<BenchError>(() => Executable.Require(text, "--baseline-launcher"));

        Assert.Equal($"--baseline-launcher: not executable: {text}", error.Message);
    }
}
