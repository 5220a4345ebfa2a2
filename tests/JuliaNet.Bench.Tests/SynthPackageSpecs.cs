using System.Text.RegularExpressions;
using JuliaNet.Bench.Synth;

namespace JuliaNet.Bench.Tests;

public sealed class SynthPackageSpecs
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(60)]
    public void Sources_Size_HaveOneStructAndItsFunctionsPerType(int types)
    {
        var module = string.Concat(SynthPackage.Sources(types).Values);

        Assert.Equal(types, Regex.Matches(module, @"^struct S\d+\{T<:Real\}$", RegexOptions.Multiline).Count);
        foreach (var function in new[] { "scale", "label", "index", "rank", "summary" })
        {
            Assert.Equal(types, Regex.Matches(module, $@"^(function )?{function}\d+\(s::S\d+", RegexOptions.Multiline).Count);
        }

        Assert.Equal(types, Regex.Matches(module, @"^    total \+= run\d+\(\)$", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void Sources_Blocks_AreBalanced()
    {
        var lines = string.Concat(SynthPackage.Sources(12).Values).Split('\n').Select(l => l.Trim()).ToArray();
        var opened = lines.Count(l => l.StartsWith("module ", StringComparison.Ordinal) || l.StartsWith("struct ", StringComparison.Ordinal) || l.StartsWith("function ", StringComparison.Ordinal) || l.StartsWith("for ", StringComparison.Ordinal));
        var closed = lines.Count(l => l.StartsWith("end", StringComparison.Ordinal));

        Assert.Equal(opened, closed);
    }

    [Fact]
    public void Files_Project_NamesThePackageByPathWithOneUuid()
    {
        var files = SynthPackage.Files(30);
        var uuid = SynthPackage.Uuid(30);

        Assert.Equal(["Manifest.toml", "Project.toml", "Synth30/Project.toml", "Synth30/src/Synth30.jl", "precompile.jl", "warm.jl"], files.Keys.Where(k => !Regex.IsMatch(k, @"^Synth30/src/S\d+/")).Order(StringComparer.Ordinal));
        Assert.Equal(30 * SynthPackage.PartsPerType, files.Keys.Count(k => Regex.IsMatch(k, @"^Synth30/src/S\d+/")));
        Assert.Contains($"Synth30 = \"{uuid}\"", files["Project.toml"], StringComparison.Ordinal);
        Assert.Contains($"[[Synth30]]\npath = \"Synth30\"\nuuid = \"{uuid}\"", files["Manifest.toml"], StringComparison.Ordinal);
        Assert.Contains($"name = \"Synth30\"\nuuid = \"{uuid}\"", files["Synth30/Project.toml"], StringComparison.Ordinal);
        Assert.Contains("module Synth30\n", files["Synth30/src/Synth30.jl"], StringComparison.Ordinal);
        Assert.Contains("Synth30.workload()", files["precompile.jl"], StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_Package_IsItsOnlyDependencyByAbsolutePathWithoutANameOfItsOwn()
    {
        var files = SynthPackage.Environment(20, "/w/synth-20/Synth20");
        var uuid = SynthPackage.Uuid(20);

        Assert.Equal($"[deps]\nSynth20 = \"{uuid}\"\n", files["Project.toml"]);
        Assert.Contains($"manifest_format = \"2.0\"\n\n[[deps.Synth20]]\npath = \"/w/synth-20/Synth20\"\nuuid = \"{uuid}\"\n", files["Manifest.toml"], StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_PathWithBackslashAndQuote_IsATomlString()
    {
        var manifest = SynthPackage.Environment(2, "C:\\w\\a\"b")["Manifest.toml"];

        Assert.Contains("path = \"C:\\\\w\\\\a\\\"b\"\n", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void Module_IncludesEveryPartOfEveryTypeOnce()
    {
        var sources = SynthPackage.Sources(5);
        var includes = Regex.Matches(SynthPackage.Module(5), @"^include\(""(.+)""\)$", RegexOptions.Multiline).Select(m => "src/" + m.Groups[1].Value);

        Assert.Equal(sources.Keys.Where(k => k != "src/Synth5.jl").Order(StringComparer.Ordinal), includes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Uuid_Sizes_AreDistinctAndWellFormed()
    {
        var uuids = new[] { 1, 10, 4095 }.Select(SynthPackage.Uuid).ToArray();

        Assert.Equal(uuids.Length, uuids.Distinct().Count());
        Assert.All(uuids, u => Assert.True(Guid.TryParse(u, out _), u));
    }

    [Fact]
    public void Files_ZeroTypes_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SynthPackage.Files(0));
    }
}
