namespace JuliaNet.IntegrationTests;

/// <summary>
/// JULIA_DEPOT_PATH under julia-net is plain Julia's DEPOT_PATH with julia-net's cache depot in
/// place of the first depot, on the Julia under test: the empty-entry rules differ by release
/// (DepotLayout.Expand), and the live Julia is the judge.
/// </summary>
[Collection(ToolsCollection.Name)]
public sealed class DepotPathSpecs(Tools tools)
{
    private const string PrintDepots = "print(join(DEPOT_PATH, '\\n'), '\\n', get(ENV, \"JULIA_NET_USER_DEPOT\", \"-\"))";

    [Theory]
    [InlineData("{x}:")]
    [InlineData(":{x}")]
    [InlineData("{x}::{y}")]
    [InlineData(":")]
    [InlineData("{x}:{x}")]
    [InlineData("{x}:{home}/.julia:")]
    [InlineData(":{home}/.julia")]
    [InlineData("~/depot:")]
    public void Launch_DepotPathWithEmptyEntries_IsPlainJuliasWithTheCacheDepotFirst(string value)
    {
        var dir = tools.NewDir("depots");
        var depotPath = value.Replace("{x}", Path.Combine(dir, "x"), StringComparison.Ordinal)
            .Replace("{y}", Path.Combine(dir, "y"), StringComparison.Ordinal)
            .Replace("{home}", tools.Home, StringComparison.Ordinal);
        var env = new Dictionary<string, string?> { ["JULIA_DEPOT_PATH"] = depotPath };

        var plain = tools.RunJulia(["--startup-file=no", "-e", PrintDepots], env);
        var launched = tools.RunLauncher(["--startup-file=no", "-e", PrintDepots], env);

        Assert.True(plain.ExitCode == 0, plain.StandardError);
        Assert.True(launched.ExitCode == 0, launched.StandardError);
        var expected = plain.StandardOutput.Split('\n')[..^1];
        var actual = launched.StandardOutput.Split('\n');
        Assert.Equal(expected[1..], actual[1..^1]);
        Assert.StartsWith(Path.Combine(tools.CacheRoot, "depots") + "/", actual[0], StringComparison.Ordinal);
        Assert.Equal(expected[0], actual[^1]);
    }
}
