using System.Text.RegularExpressions;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// How Julia says on stderr that loading a package built its precompile cache: with
/// <c>JULIA_DEBUG=loading</c>, <c>Precompiling NAME</c> up to 1.11 (base/loading.jl,
/// <c>compilecache</c>); from 1.12 <c>using</c> precompiles through Base.Precompilation, which
/// prints <c>Precompiling packages...</c> and a <c>✓ NAME</c> line for each package it built.
/// Any cache built prints <c>Precompiling</c> on every release.
/// </summary>
internal static class PrecompileLog
{
    public static bool Built(string stderr, string package) =>
        stderr.Contains("Precompiling " + package, StringComparison.Ordinal) ||
        Regex.IsMatch(stderr, $@"✓ {Regex.Escape(package)}(\s|$)", RegexOptions.Multiline);
}
