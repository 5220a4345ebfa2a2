using JuliaNet.Processes;
namespace JuliaNet.Launching;

/// <summary>Where the image julia-net runs came from, in the order they win.</summary>
public enum ImageSource
{
    /// <summary><c>-J</c> or <c>--sysimage</c> on the command line.</summary>
    Option,

    /// <summary><c>JULIA_NET_SYSIMAGE</c>.</summary>
    Environment,

    /// <summary>The config file's <c>sysimage</c>.</summary>
    ConfigFile,

    /// <summary>The image julia-sysimage built for the active project and this Julia (<see cref="Paths.CacheLayout.ProjectImage"/>).</summary>
    Project,

    /// <summary>Julia's own default image.</summary>
    JuliaDefault,
}

public static class ImageSources
{
    /// <summary>The name <c>--julia-net-info</c> prints.</summary>
    public static string InfoName(this ImageSource source) => source switch
    {
        ImageSource.Option => "-J",
        ImageSource.Environment => EnvironmentVariables.Sysimage,
        ImageSource.ConfigFile => "config",
        ImageSource.Project => "project",
        ImageSource.JuliaDefault => "julia-default",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
