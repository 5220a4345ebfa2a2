using JuliaNet.Processes;
namespace JuliaNet.Julia;

/// <summary>
/// Where the choice of the Julia to run came from, in order of precedence (docs/julia-net.md, "Which
/// Julia"). Drives the error messages and what <c>--julia-net-info</c> reports.
/// </summary>
public enum JuliaSource
{
    /// <summary><c>--julia PATH</c> (or <c>--julia +CHANNEL</c>).</summary>
    Option,

    /// <summary><c>JULIA_NET_JULIA</c>.</summary>
    Environment,

    /// <summary>The config file's <c>julia</c>.</summary>
    ConfigFile,

    /// <summary><c>+CHANNEL</c> at the front of the command line.</summary>
    ChannelArgument,

    /// <summary>juliaup's <c>JULIAUP_CHANNEL</c>.</summary>
    JuliaupChannelVariable,

    /// <summary>The Julia recorded in the image's metadata.</summary>
    ImageMetadata,

    /// <summary>A juliaup override for a directory holding the working directory.</summary>
    JuliaupOverride,

    /// <summary>juliaup's default channel.</summary>
    JuliaupDefault,

    /// <summary><c>julia</c> on PATH.</summary>
    Path,
}

public static class JuliaSourceNames
{
    /// <summary>The value of <c>juliaSource</c> in <c>--julia-net-info</c>.</summary>
    public static string InfoName(this JuliaSource source) => source switch
    {
        JuliaSource.Option => "--julia",
        JuliaSource.Environment => EnvironmentVariables.Julia,
        JuliaSource.ConfigFile => "config",
        JuliaSource.ChannelArgument => "+channel",
        JuliaSource.JuliaupChannelVariable => EnvironmentVariables.JuliaupChannel,
        JuliaSource.ImageMetadata => "image-metadata",
        JuliaSource.JuliaupOverride => "juliaup-override",
        JuliaSource.JuliaupDefault => "juliaup-default",
        JuliaSource.Path => EnvironmentVariables.Path,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>How messages name the source: "(from PATH)", "(from juliaup's default channel)".</summary>
    public static string Description(this JuliaSource source) => source switch
    {
        JuliaSource.ConfigFile => "the config file",
        JuliaSource.ChannelArgument => "+CHANNEL",
        JuliaSource.ImageMetadata => "the image's metadata",
        JuliaSource.JuliaupOverride => "a juliaup override",
        JuliaSource.JuliaupDefault => "juliaup's default channel",
        _ => source.InfoName(),
    };
}
