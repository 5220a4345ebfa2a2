using JuliaNet.Errors;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Serialization;
using Tomlyn.Syntax;

namespace JuliaNet.Building;

/// <summary>
/// A TOML file read with Tomlyn (TOML 1.1, a superset of the TOML 1.0 that Julia writes):
/// its tables as Tomlyn's model, and typed questions about them that answer a value of the
/// wrong type with a <see cref="UserError"/> (exit 74) naming the file and the line.
/// </summary>
internal sealed class TomlFile
{
    private readonly TomlMetadataStore metadata;

    private TomlFile(string path, TomlTable root, TomlMetadataStore metadata)
    {
        Path = path;
        Root = root;
        this.metadata = metadata;
    }

    public string Path { get; }

    public TomlTable Root { get; }

    /// <summary>
    /// Parses <paramref name="text"/>: Tomlyn's syntax parser reports a syntax error with its
    /// line and column, then the model is read through <see cref="TomlModelContext"/>.
    /// Tomlyn's semantic validation (keys and tables defined twice) is not run: in 2.10.2 it
    /// refuses a valid shape Julia writes for two packages of one name, <c>[deps.X.deps]</c>
    /// under the first <c>[[deps.X]]</c> and <c>deps = [...]</c> in the next ("The key
    /// `deps.X.[1].deps` is already defined"; pinned by JuliaProjectSpecs). A key defined twice
    /// is then read as its last definition, and Julia refuses the file when the build loads it.
    /// </summary>
    public static TomlFile Parse(string path, string text)
    {
        try
        {
            SyntaxParser.ParseStrict(text, path, validate: false);
            var metadata = new TomlMetadataStore();
            var context = new TomlModelContext(new TomlSerializerOptions { MetadataStore = metadata, SourceName = path });
            var root = TomlSerializer.Deserialize(text, context.TomlTable) ?? new TomlTable();
            return new TomlFile(path, root, metadata);
        }
        catch (TomlException e)
        {
            throw new UserError(ExitCode.ProjectInvalid, $"{path} does not parse: {Describe(e)}");
        }
    }

    /// <summary>The 1-based line where <paramref name="key"/> of <paramref name="table"/> was read, when known.</summary>
    public int? LineOf(TomlTable table, string key) =>
        metadata.TryGetProperties(table, out var properties) && properties is not null
            && properties.TryGetProperty(key, out var property) && property?.Span is { } span
            ? span.Start.Line + 1
            : null;

    /// <summary>The line of the first key of <paramref name="table"/>, when it has one.</summary>
    public int? FirstLine(TomlTable table) => table.Keys.Select(k => LineOf(table, k)).FirstOrDefault(line => line is not null);

    /// <summary>The string value of <paramref name="key"/>; null when absent; an error when of another type.</summary>
    public string? String(TomlTable table, string key, string what) => table.TryGetValue(key, out var value)
        ? value as string ?? throw Error(LineOf(table, key), $"{what} must be a string")
        : null;

    /// <summary>A string value that is a UUID (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>, as Julia writes them); null when absent.</summary>
    public string? Uuid(TomlTable table, string key, string what) => String(table, key, what) is { } value
        ? Guid.TryParseExact(value, "D", out _) ? value : throw Error(LineOf(table, key), $"{what} is not a UUID: \"{value}\"")
        : null;

    /// <summary>A table value of <paramref name="key"/> (a <c>[header]</c> or an inline table); null when absent; an error when of another type.</summary>
    public TomlTable? Table(TomlTable table, string key, string what) => table.TryGetValue(key, out var value)
        ? value as TomlTable ?? throw Error(LineOf(table, key), $"{what} must be a table")
        : null;

    /// <summary>A one-line project error (exit 74) naming this file and, when known, the line.</summary>
    public UserError Error(int? line, string message) =>
        new(ExitCode.ProjectInvalid, line is null ? $"{Path}: {message}" : $"{Path}, line {line}: {message}");

    /// <summary>The first error Tomlyn reports, as "line L, column C: message" (the model reader wraps its cause; the cause is what the user needs).</summary>
    private static string Describe(TomlException e)
    {
        Exception cause = e;
        while (cause.InnerException is { } inner)
        {
            cause = inner;
        }

        var position = (cause as TomlException ?? e) is { Line: { } line } located ? $"line {line}, column {located.Column}: " : "";
        var message = (cause as TomlException)?.Diagnostics?.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error)?.Message ?? cause.Message;
        return position + message;
    }
}
