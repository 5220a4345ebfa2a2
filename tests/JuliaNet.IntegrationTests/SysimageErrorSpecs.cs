namespace JuliaNet.IntegrationTests;

/// <summary>Validation errors: one line, a documented exit code, OUTPUT untouched, found before any long work.</summary>
[Collection(SysimageCollection.Name)]
public sealed class SysimageErrorSpecs(SysimageFixture image)
{
    public enum Case
    {
        StaticArchiveOutput,
        MissingOutputDirectory,
        MissingScript,
        PackageNotInProject,
        ProjectWithoutProjectToml,
        NoCompiler,
        MissingLauncher,
        UnknownOption,
    }

    [Theory]
    [InlineData(Case.StaticArchiveOutput, 72, "not a static archive")]
    [InlineData(Case.MissingOutputDirectory, 72, "directory of OUTPUT does not exist")]
    [InlineData(Case.MissingScript, 73, "script not found")]
    [InlineData(Case.PackageNotInProject, 74, "package Nope is not in project")]
    [InlineData(Case.ProjectWithoutProjectToml, 74, "no Project.toml")]
    [InlineData(Case.NoCompiler, 75, "no C compiler found")]
    [InlineData(Case.MissingLauncher, 76, "launcher not found")]
    [InlineData(Case.UnknownOption, 64, "--bogus")]
    public void Validation_OfEachKind_IsOneLineWithItsExitCodeAndOutputUntouched(Case kind, int exitCode, string message)
    {
        var tools = image.Tools;
        var dir = tools.NewDir("bad");
        var output = Path.Combine(dir, "sys.so");
        File.WriteAllText(output, "previous image");
        var env = new Dictionary<string, string?>();
        string[] args = kind switch
        {
            Case.StaticArchiveOutput => ["--project", image.Project, Path.Combine(dir, "sys.a")],
            Case.MissingOutputDirectory => ["--project", image.Project, Path.Combine(dir, "no", "sys.so")],
            Case.MissingScript => ["--project", image.Project, "--script", Path.Combine(dir, "none.jl"), output],
            Case.PackageNotInProject => ["--project", image.Project, "--package", "Nope", output],
            Case.ProjectWithoutProjectToml => ["--project", dir, output],
            Case.NoCompiler => ["--project", image.Project, "--julia", tools.Julia, output],
            Case.MissingLauncher => ["--project", image.Project, "--launcher", Path.Combine(dir, "julia-net"), output],
            Case.UnknownOption => ["--bogus", output],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        if (kind == Case.NoCompiler)
        {
            env["PATH"] = dir;
            env["JULIA_CC"] = null;
        }

        var result = tools.Run(image.Sysimage, args, env);

        Assert.Equal(exitCode, result.ExitCode);
        var line = Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("julia-sysimage: error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Equal("previous image", File.ReadAllText(output));
        Assert.Single(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Launcher_WithImageOfAnotherJuliaVersion_RefusesIt()
    {
        var tools = image.Tools;
        var dir = tools.NewDir("mismatch");
        var fake = Path.Combine(dir, "sys.so");
        File.CreateSymbolicLink(fake, image.Output);
        File.WriteAllText(fake + ".json", File.ReadAllText(image.Output + ".json").Replace("\"juliaVersion\": \"1.5.3\"", "\"juliaVersion\": \"9.9.9\"", StringComparison.Ordinal));

        var result = tools.RunLauncher(["--sysimage", fake, "-e", "print(1)"]);

        Assert.Equal(69, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        Assert.Contains("was built by Julia 9.9.9", result.StandardError, StringComparison.Ordinal);
    }
}
