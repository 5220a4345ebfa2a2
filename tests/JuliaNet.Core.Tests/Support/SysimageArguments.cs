using System.CommandLine;
using System.Reflection;
using JuliaNet.Building;

namespace JuliaNet.Core.Tests.Support;

/// <summary>
/// julia-sysimage's build command line as the tool parses it (<see cref="SysimageCommandLine"/> on a
/// command of its own), and <see cref="SysimageOptions"/> as comparable values, property by property.
/// </summary>
internal static class SysimageArguments
{
    /// <summary>Every property of <see cref="SysimageOptions"/>: what a command line can hold.</summary>
    public static IReadOnlyList<PropertyInfo> Properties { get; } = typeof(SysimageOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    public static TheoryData<string> PropertyNames => [.. Properties.Select(p => p.Name)];

    /// <summary>The options <paramref name="args"/> give; a parse error fails the test.</summary>
    public static SysimageOptions Parse(IReadOnlyList<string> args)
    {
        var line = new SysimageCommandLine();
        var command = new RootCommand();
        line.AddTo(command);
        var result = command.Parse(args);
        Assert.Empty(result.Errors);
        return line.Read(result);
    }

    /// <summary>Each property's value as text (lists element by element), for Assert.Equal: the record compares lists by reference.</summary>
    public static IReadOnlyDictionary<string, string> Values(SysimageOptions options) =>
        Properties.ToDictionary(p => p.Name, p => p.GetValue(options) switch
        {
            null => "null",
            string text => '"' + text + '"',
            IEnumerable<string> list => "[" + string.Join(", ", list.Select(s => '"' + s + '"')) + "]",
            var value => value.ToString()!,
        });
}
