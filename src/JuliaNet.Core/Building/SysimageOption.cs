using System.CommandLine;
using System.Globalization;

namespace JuliaNet.Building;

/// <summary>
/// One option of julia-sysimage's build command line (a row of <see cref="SysimageCommandLine.Options"/>):
/// its name and help, the System.CommandLine option that parses it, and where its value sits in
/// <see cref="SysimageOptions"/>, read from a parse and written back as arguments.
/// </summary>
public abstract class SysimageOption
{
    private protected SysimageOption(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>A new System.CommandLine option for this one (each command holds its own).</summary>
    public abstract Option CreateOption();

    /// <summary><paramref name="options"/> with this option's value in <paramref name="result"/> (parsed by <paramref name="option"/>, from <see cref="CreateOption"/>).</summary>
    public abstract SysimageOptions Read(ParseResult result, Option option, SysimageOptions options);

    /// <summary>The arguments that give this option's value in <paramref name="options"/>; none for its default.</summary>
    public abstract IEnumerable<string> Format(SysimageOptions options);

    /// <summary>A switch: present (true) or not.</summary>
    public static SysimageOption Flag(string name, string description, Func<SysimageOptions, bool> get, Func<SysimageOptions, bool, SysimageOptions> set) =>
        new FlagOption(name, description, get, set);

    /// <summary>One value, given at most once; an empty value is an error.</summary>
    public static SysimageOption Single(string name, string helpName, string description, Func<SysimageOptions, string?> get, Func<SysimageOptions, string?, SysimageOptions> set) =>
        new SingleOption(name, helpName, description, get, set);

    /// <summary>One value per occurrence, repeatable; an empty value is an error.</summary>
    public static SysimageOption Repeated(string name, string helpName, string description, Func<SysimageOptions, IReadOnlyList<string>> get, Func<SysimageOptions, IReadOnlyList<string>, SysimageOptions> set) =>
        new RepeatedOption(name, helpName, description, get, set);

    /// <summary>One integer (checked by the parser), given at most once.</summary>
    public static SysimageOption Integer(string name, string helpName, string description, Func<SysimageOptions, int?> get, Func<SysimageOptions, int?, SysimageOptions> set) =>
        new IntegerOption(name, helpName, description, get, set);

    private sealed class FlagOption(string name, string description, Func<SysimageOptions, bool> get, Func<SysimageOptions, bool, SysimageOptions> set)
        : SysimageOption(name, description)
    {
        public override Option CreateOption() => new Option<bool>(Name) { Description = Description };

        public override SysimageOptions Read(ParseResult result, Option option, SysimageOptions options) => set(options, result.GetValue((Option<bool>)option));

        public override IEnumerable<string> Format(SysimageOptions options) => get(options) ? [Name] : [];
    }

    private sealed class SingleOption(string name, string helpName, string description, Func<SysimageOptions, string?> get, Func<SysimageOptions, string?, SysimageOptions> set)
        : SysimageOption(name, description)
    {
        public override Option CreateOption() => SysimageCommandLine.RequireNonEmptyValue(new Option<string?>(Name) { Description = Description, HelpName = helpName });

        public override SysimageOptions Read(ParseResult result, Option option, SysimageOptions options) => set(options, result.GetValue((Option<string?>)option));

        public override IEnumerable<string> Format(SysimageOptions options) => get(options) is { } value ? [Name, value] : [];
    }

    private sealed class RepeatedOption(string name, string helpName, string description, Func<SysimageOptions, IReadOnlyList<string>> get, Func<SysimageOptions, IReadOnlyList<string>, SysimageOptions> set)
        : SysimageOption(name, description)
    {
        public override Option CreateOption() =>
            SysimageCommandLine.RequireNonEmptyValue(new Option<string[]>(Name) { Description = Description, HelpName = helpName, AllowMultipleArgumentsPerToken = false });

        public override SysimageOptions Read(ParseResult result, Option option, SysimageOptions options) => set(options, result.GetValue((Option<string[]>)option) ?? []);

        public override IEnumerable<string> Format(SysimageOptions options) => get(options).SelectMany(value => new[] { Name, value });
    }

    private sealed class IntegerOption(string name, string helpName, string description, Func<SysimageOptions, int?> get, Func<SysimageOptions, int?, SysimageOptions> set)
        : SysimageOption(name, description)
    {
        public override Option CreateOption() => new Option<int?>(Name) { Description = Description, HelpName = helpName };

        public override SysimageOptions Read(ParseResult result, Option option, SysimageOptions options) => set(options, result.GetValue((Option<int?>)option));

        public override IEnumerable<string> Format(SysimageOptions options) => get(options) is { } value ? [Name, value.ToString(CultureInfo.InvariantCulture)] : [];
    }
}
