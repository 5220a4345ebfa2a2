using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Julia;
using JuliaNet.Juliaup;
using JuliaNet.Launching;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

public sealed class JuliaupChannelChooserSpecs
{
    private readonly FakeFileSystem fs = new();

    private static JuliaupConfig Config(string? defaultChannel, params (string Path, string Channel)[] overrides) =>
        new(JuliaupFiles.ConfigFile, defaultChannel, new Dictionary<string, JuliaupVersion>(), new Dictionary<string, JuliaupChannel>(),
            [.. overrides.Select(o => new JuliaupOverride(o.Path, o.Channel))]);

    private JuliaupChannelRequest? Configured(string cwd, JuliaupConfig config) =>
        JuliaupChannelChooser.Configured(Contexts.Linux() with { WorkingDirectory = cwd }, config, fs);

    [Fact]
    public void Requested_ChannelArgument_WinsOverJuliaupChannel()
    {
        var request = JuliaupChannelChooser.Requested(Contexts.Linux((EnvironmentVariables.JuliaupChannel, "1.10")), "nightly");

        Assert.Equal(new JuliaupChannelRequest("nightly", JuliaSource.ChannelArgument, "+nightly"), request);
    }

    [Fact]
    public void Requested_OnlyJuliaupChannel_IsTheVariable()
    {
        var request = JuliaupChannelChooser.Requested(Contexts.Linux((EnvironmentVariables.JuliaupChannel, "1.10")), null);

        Assert.Equal(new JuliaupChannelRequest("1.10", JuliaSource.JuliaupChannelVariable, "JULIAUP_CHANNEL=1.10"), request);
    }

    [Fact]
    public void Requested_NeitherOrEmptyVariable_IsNull()
    {
        Assert.Null(JuliaupChannelChooser.Requested(Contexts.Linux(), null));
        Assert.Null(JuliaupChannelChooser.Requested(Contexts.Linux((EnvironmentVariables.JuliaupChannel, "")), null));
    }

    [Fact]
    public void Configured_NoOverrideMatches_IsTheDefaultChannel()
    {
        var request = Configured("/work/project", Config("release", ("/elsewhere", "1.10")));

        Assert.Equal(new JuliaupChannelRequest("release", JuliaSource.JuliaupDefault, "juliaup's default channel"), request);
    }

    [Fact]
    public void Configured_NoOverrideAndNoDefault_IsNull()
    {
        Assert.Null(Configured("/work/project", Config(null)));
    }

    [Theory]
    [InlineData("/work/project", "1.10")]
    [InlineData("/work/project/src/deep", "1.10")]
    [InlineData("/work", "1.9")]
    [InlineData("/work/projects", "1.9")]
    [InlineData("/other", "release")]
    public void Configured_Overrides_TheLongestWhosePathHoldsTheWorkingDirectoryWins(string cwd, string expected)
    {
        var config = Config("release", ("/work/project", "1.10"), ("/work", "1.9"), ("/work/pro", "nightly"));

        Assert.Equal(expected, Configured(cwd, config)?.Channel);
    }

    [Fact]
    public void Configured_MatchingOverride_IsNamedByItsPath()
    {
        var request = Configured("/work/project/src", Config("release", ("/work/project", "1.10")));

        Assert.Equal(new JuliaupChannelRequest("1.10", JuliaSource.JuliaupOverride, "juliaup's override for /work/project"), request);
    }

    [Fact]
    public void Configured_TwoOverridesOfEqualLength_TheLaterWinsAsJuliaupsSortDoes()
    {
        var config = Config("release", ("/work/project", "1.10"), ("/work/project", "nightly"), ("/work", "1.9"));

        Assert.Equal("nightly", Configured("/work/project/src", config)?.Channel);
    }

    [Fact]
    public void Configured_WorkingDirectoryThroughASymlink_IsMadeCanonicalFirst()
    {
        fs.AddSymlink("/home/alice/project", "/work/project");

        Assert.Equal("1.10", Configured("/home/alice/project", Config("release", ("/work/project", "1.10")))?.Channel);
    }

    [Fact]
    public void Configured_OverridePathWithDotAndDoubleSlash_MatchesByComponents()
    {
        Assert.Equal("1.10", Configured("/work/project", Config("release", ("/work//./project/", "1.10")))?.Channel);
    }
}
