namespace JuliaNet.IntegrationTests;

/// <summary>
/// --package means what it says (the requested packages and what they need, nothing else of
/// the manifest); statement failures are loud and name their cause; a package the object step
/// had to load from source is a warning; --strict makes too many failures an error.
/// </summary>
[Collection(PackageSubsetCollection.Name)]
public sealed class PackageSubsetSpecs(PackageSubsetFixture image)
{
    private Tools Tools => image.Tools;

    private string Stderr => image.Build.StandardError;

    [Fact]
    public void Build_PackageOption_SaysWhichPackagesGoIn()
    {
        Assert.True(image.Build.ExitCode == 0, Stderr);
        Assert.Contains("  packages: A, NoCache; with their dependencies: Adep\n", Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithJuliaOption_NeverRunsTheJuliaOnPath()
    {
        // On 1.10+ the verify step loads Distributed, which the image lacks: its precompile worker
        // comes back through julia-net, before the image has metadata naming its Julia.
        Assert.True(image.Build.ExitCode == 0, Stderr);
        Assert.False(File.Exists(image.WrongJuliaRan), "the julia first on PATH ran during the build");
    }

    [Fact]
    public void Image_PackageOption_HoldsTheRequestedPackagesAndTheirDependenciesOnly()
    {
        var result = Tools.RunJulia(["-J", image.Output, "-e", "print(join(sort([k.name for k in keys(Base.loaded_modules) if k.name in (\"A\", \"Adep\", \"B\", \"Bdep\", \"NoCache\")]), ' '))"]);

        Assert.Equal("A Adep NoCache", result.StandardOutput);
    }

    [Fact]
    public void Build_PackageWithoutAPrecompileCache_WarnsThatItWasLoadedFromSource()
    {
        Assert.Contains("from precompile caches: Adep, A; from source: NoCache", Stderr, StringComparison.Ordinal);
        Assert.Contains("\njulia-sysimage: warning: NoCache was loaded from source, not from a precompile cache, while the image was generated", Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StatementsUsingAPackageNotInTheImage_WarnNamingItAndKeepTheFailedStatements()
    {
        var failedFile = image.Output + ".failed-statements.jl";
        var warning = Stderr.Split('\n').Single(l => l.StartsWith("julia-sysimage: warning: ", StringComparison.Ordinal) && l.Contains("precompile statements failed", StringComparison.Ordinal));

        Assert.Matches(@"^julia-sysimage: warning: \d+ of \d+ precompile statements failed: they use B, which is not in the image \(add it with --package, or build from a project that has it\); the failed statements are in ", warning);
        Assert.EndsWith(failedFile, warning, StringComparison.Ordinal);
        var failed = File.ReadAllLines(failedFile);
        Assert.NotEmpty(failed);
        Assert.All(failed, line => Assert.StartsWith("precompile(", line, StringComparison.Ordinal));
        Assert.Contains(failed, line => line.Contains("B.b1", StringComparison.Ordinal));
    }

    [Fact]
    public void StrictBuild_TooManyStatementsFail_Exits81BeforeCodeGenerationAndWritesNothing()
    {
        var output = Path.Combine(Tools.NewDir("strict"), "strict.so");

        var result = Tools.BuildImage([.. image.Arguments, "--strict", output], cwd: image.Project);

        Assert.True(result.ExitCode == 81, result.StandardError);
        var error = result.StandardError.TrimEnd('\n').Split('\n')[^1];
        Assert.Matches(@"^julia-sysimage: error: \d+ of \d+ precompile statements failed \(more than 10%\) \(--strict\); the failed statements are in .*/failed-statements\.jl$", error);
        Assert.DoesNotContain("[3/5] generate image object (minutes) done", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".json"));
    }
}
