namespace JuliaNet.IntegrationTests;

public sealed class ReadmeSpecs
{
    [Fact]
    public void InstallSection_IsExactlyTheCommandsTheInstallTestsRun()
    {
        var readme = File.ReadAllLines(Documentation.Readme);
        var start = Array.FindIndex(readme, line => line == "## Install");
        Assert.True(start >= 0, "README has an '## Install' section");
        var block = readme.Skip(start).SkipWhile(line => line != "```sh").Skip(1).TakeWhile(line => line != "```").ToArray();

        Assert.Equal(InstallGuide.Lines().ToArray(), block);
    }
}
