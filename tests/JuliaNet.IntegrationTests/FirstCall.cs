using System.Globalization;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// How much faster a package's first result is with an image: <c>using</c> the package and
/// calling <c>workload()</c>, timed inside Julia, by plain julia (its precompile cache warmed
/// first) and by julia-net with the image. julia-net must not precompile anything.
/// </summary>
internal static class FirstCall
{
    public static double Speedup(Tools tools, string project, string package, string image)
    {
        string[] code = ["--project=" + project, "-e", $"t = @elapsed (@eval using {package}; {package}.workload()); print(t)"];
        var env = new Dictionary<string, string?> { ["JULIA_DEBUG"] = "loading" };
        tools.RunJulia(code, env); // plain julia precompiles the package first

        var without = tools.RunJulia(code, env);
        var with = tools.RunLauncher(["--sysimage", image, .. code], env);

        Assert.True(without.ExitCode == 0, without.StandardError);
        Assert.True(with.ExitCode == 0, with.StandardError);
        Assert.DoesNotContain("Precompiling", with.StandardError, StringComparison.Ordinal);
        return double.Parse(without.StandardOutput, CultureInfo.InvariantCulture) / double.Parse(with.StandardOutput, CultureInfo.InvariantCulture);
    }
}
