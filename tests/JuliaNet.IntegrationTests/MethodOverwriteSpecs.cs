namespace JuliaNet.IntegrationTests;

/// <summary>
/// Julia 1.10 and later refuse to overwrite a method while generating output. The object step
/// runs with --warn-overwrite=yes on every version and fails on the warning, so the rule holds
/// where only Julia 1.5 runs (and every image these tests build proves the build itself
/// overwrites nothing).
/// </summary>
[Collection(ToolsCollection.Name)]
public sealed class MethodOverwriteSpecs(Tools tools)
{
    [Fact]
    public void Build_PackageThatOverwritesAMethodWhileTheImageIsGenerated_FailsInTheObjectStepAtOnce()
    {
        var project = tools.NewDir("overwriter");
        TestProjects.Write(project, TestProjects.Overwriter());
        var output = Path.Combine(tools.NewDir("overwriter-image"), "sys.so");

        var result = tools.BuildImage(["--project", project, output]);

        Assert.True(result.ExitCode == 77, result.StandardError);
        var error = result.StandardError.TrimEnd('\n').Split('\n')[^1];
        Assert.StartsWith("julia-sysimage: error: object: a method was overwritten while generating the image, which Julia 1.10 and later refuse: WARNING: Method definition answer() in module Overwriter", error, StringComparison.Ordinal);
        Assert.Contains("[2/4] generate image object (minutes) failed after", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}
