using System.Text.Json;
using System.Text.RegularExpressions;
using Snapshooter.Xunit;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// What users read, as the published binaries print it, pinned by snapshots
/// (__snapshots__/): a change to a help text or to the shape of <c>--julia-net-info</c> shows up
/// as a changed .snap file to review. After a deliberate change, delete the .snap file and rerun
/// to write the new one.
/// </summary>
[Collection(ToolsCollection.Name)]
public sealed partial class UserFacingTextSpecs(Tools tools)
{
    [Fact]
    public void LauncherHelp_AsPrinted_MatchesSnapshot()
    {
        var result = tools.RunLauncher(["--julia-net-help"]);

        Assert.Equal((0, ""), (result.ExitCode, result.StandardError));
        Snapshot.Match(result.StandardOutput);
    }

    [Fact]
    public void SysimageHelp_AsPrinted_MatchesSnapshot()
    {
        var result = tools.Run(tools.Sysimage, ["--help"]);

        Assert.Equal((0, ""), (result.ExitCode, result.StandardError));
        Snapshot.Match(result.StandardOutput);
    }

    /// <summary>The keys of --julia-net-info in order, each value with what depends on the machine masked (paths, version, hashes).</summary>
    [Fact]
    public void LauncherInfo_Shape_MatchesSnapshot()
    {
        var info = InfoJson.Read(tools, tools.Launcher, "-e", "0");

        var shape = info.EnumerateObject().ToDictionary(
            property => property.Name,
            property => property.Value.ValueKind switch
            {
                JsonValueKind.String => (object)Mask(property.Value.GetString()!),
                JsonValueKind.Array => property.Value.EnumerateArray().Select(item => Mask(item.GetString()!)).ToArray(),
                var kind => kind.ToString(),
            });

        Snapshot.Match(shape);
    }

    private string Mask(string value)
    {
        if (value == tools.Julia)
        {
            return "<julia>";
        }

        if (value == tools.DefaultImage)
        {
            return "<julia's default image>";
        }

        value = value.Replace(tools.BinDir, "<bin>", StringComparison.Ordinal).Replace(tools.Root, "<tests root>", StringComparison.Ordinal);
        value = Hash().Replace(value, "<hash>");
        return Version().IsMatch(value) ? "<julia version>" : value.StartsWith('/') ? "<system path>" : value;
    }

    [GeneratedRegex("[0-9a-f]{16}")]
    private static partial Regex Hash();

    [GeneratedRegex(@"^\d+\.\d+\.\d+")]
    private static partial Regex Version();
}
