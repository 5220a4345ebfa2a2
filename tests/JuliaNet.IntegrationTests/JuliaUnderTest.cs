using System.Runtime.CompilerServices;
using JuliaNet.Julia;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// The Julia these tests run against: <c>JULIA_NET_TEST_JULIA</c> (the <c>bin/julia</c> of an
/// installation), else the first <c>julia</c> on PATH. The variable's directory is put first on
/// this process's PATH before any test runs, so julia-net, julia-sysimage and every child they
/// start find that Julia exactly as a user's PATH would give it. build.cake's IntegrationTest
/// target takes a list of them (<c>:</c>-separated) and runs the suite once for each.
/// </summary>
public static class JuliaUnderTest
{
    public const string Variable = "JULIA_NET_TEST_JULIA";

    [ModuleInitializer]
    internal static void PutFirstOnPath()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } julia)
        {
            return;
        }

        if (!Path.IsPathFullyQualified(julia) || Path.GetFileName(julia) != "julia" || !File.Exists(julia))
        {
            throw new InvalidOperationException($"{Variable}={julia}: expected the absolute path of an existing bin/julia");
        }

        Environment.SetEnvironmentVariable("PATH", $"{Path.GetDirectoryName(julia)}:{Environment.GetEnvironmentVariable("PATH")}");
    }

    /// <summary>
    /// The CPU target flag as this Julia's <c>Base.julia_cmd()</c> spells it: <c>-C native</c>
    /// from 1.10 (julia #52217), <c>-Cnative</c> before.
    /// </summary>
    public static string CpuFlag(string version, string target = "native") =>
        JuliaRelease.AtLeast(version, 1, 10, 0) ? $"-C {target}" : $"-C{target}";

    /// <summary><c>MAJOR.MINOR</c> of a version, as juliaup names a channel.</summary>
    public static string MajorMinor(string version) => string.Join('.', version.Split('.', 3)[..2]);
}
