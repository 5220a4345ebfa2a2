using System.CommandLine;
using JuliaNet.Building;
using JuliaNet.Core.Tests.Support;

namespace JuliaNet.Core.Tests;

/// <summary>
/// julia-sysimage's build command line, one description that parses and formats: whatever
/// <see cref="SysimageOptions"/> holds, formatted and parsed again, is what it was.
/// </summary>
public sealed class SysimageCommandLineSpecs
{
    public static TheoryData<string> Properties => SysimageArguments.PropertyNames;

    public static TheoryData<string> OptionNames => [.. SysimageCommandLine.Options.Select(o => o.Name)];

    /// <summary>
    /// A property set alone comes back from Format and Parse: it fails for a property of
    /// <see cref="SysimageOptions"/> that the table does not parse and format (it comes back unset).
    /// </summary>
    [Theory]
    [MemberData(nameof(Properties))]
    public void Format_EachPropertySetAlone_ParsesBackToTheSameOptions(string name)
    {
        var property = SysimageArguments.Properties.Single(p => p.Name == name);
        var options = new SysimageOptions();
        property.SetValue(options, Sample(property.PropertyType));
        Assert.NotEqual(SysimageArguments.Values(new SysimageOptions())[name], SysimageArguments.Values(options)[name]);

        var parsed = SysimageArguments.Parse(SysimageCommandLine.Format(options));

        Assert.Equal(SysimageArguments.Values(options), SysimageArguments.Values(parsed));
    }

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void Parse_EachOptionOfTheTable_FormatsBackToTheSameArguments(string name)
    {
        IReadOnlyList<string> args = SysimageCommandLine.Options.Single(o => o.Name == name).CreateOption().ValueType switch
        {
            var t when t == typeof(bool) => [name],
            var t when t == typeof(string) => [name, "/work/a value"],
            var t when t == typeof(string[]) => [name, "/work/one", name, "/work/two"],
            var t when t == typeof(int?) => [name, "3"],
            var t => throw new InvalidOperationException($"{name}: no sample arguments for a value of type {t}"),
        };

        Assert.Equal(args, SysimageCommandLine.Format(SysimageArguments.Parse(args)));
    }

    [Fact]
    public void Format_EveryPropertySet_ParsesBackToTheSameOptions()
    {
        var options = new SysimageOptions();
        foreach (var property in SysimageArguments.Properties)
        {
            property.SetValue(options, Sample(property.PropertyType));
        }

        var parsed = SysimageArguments.Parse(SysimageCommandLine.Format(options));

        Assert.Equal(SysimageArguments.Values(options), SysimageArguments.Values(parsed));
    }

    [Fact]
    public void Format_DefaultOptions_IsNoArguments()
    {
        Assert.Empty(SysimageCommandLine.Format(new SysimageOptions()));
    }

    [Fact]
    public void Format_Options_AreInTableOrderEachOccurrenceNamedAndOutputLast()
    {
        var options = new SysimageOptions { Output = "/images/sys.so", Packages = ["A", "B"], Strict = true, Project = "/work/project", ImageThreads = 12 };

        Assert.Equal(["--project", "/work/project", "--package", "A", "--package", "B", "--image-threads", "12", "--strict", "/images/sys.so"], SysimageCommandLine.Format(options));
    }

    [Fact]
    public void Options_Names_AreUnique()
    {
        Assert.Equal(SysimageCommandLine.Options.Count, SysimageCommandLine.Options.Select(o => o.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("--julia")]
    [InlineData("--package")]
    public void Parse_EmptyValue_IsAnError(string name)
    {
        var command = new RootCommand();
        new SysimageCommandLine().AddTo(command);

        var result = command.Parse([name, ""]);

        Assert.Equal($"option {name} requires a value", Assert.Single(result.Errors).Message);
    }

    /// <summary>A value of each type a property of <see cref="SysimageOptions"/> has, other than its default.</summary>
    private static object Sample(Type type) => type switch
    {
        _ when type == typeof(string) => "/work/a value",
        _ when type == typeof(bool) => true,
        _ when type == typeof(int?) => 3,
        _ when type == typeof(IReadOnlyList<string>) => new[] { "/work/one", "/work/two" },
        _ => throw new InvalidOperationException($"no sample value of type {type}: add one for the new property"),
    };
}
