using System.Reflection;

namespace JuliaNet.Runtime;

public static class ToolVersion
{
    /// <summary>The version set once in Directory.Build.props (or by the build), without build metadata.</summary>
    public static string Current { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
