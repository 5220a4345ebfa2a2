using System.Text;
using System.Text.Json;
using JuliaNet.Errors;
using JuliaNet.Serialization;

namespace JuliaNet.Juliaup;

/// <summary>
/// Reads <c>juliaup.json</c> as juliaup's launcher does (serde, src/config_file.rs): one JSON
/// object; <c>InstalledVersions</c> and <c>InstalledChannels</c> required, <c>Default</c> a
/// string or null, <c>Overrides</c> optional; unknown keys skipped. A forward-only read
/// (<see cref="Utf8JsonReader"/>), because julia-net reads the file on every launch that goes
/// through juliaup: it costs microseconds where the serializer's first use costs about a
/// millisecond. A file juliaup's launcher would refuse is refused here too
/// (<see cref="ExitCode.JuliaupConfigInvalid"/>).
/// </summary>
public static class JuliaupConfigReader
{
    public static JuliaupConfig Parse(string json, string file)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            string? defaultChannel = null;
            Dictionary<string, JuliaupVersion>? versions = null;
            Dictionary<string, JuliaupChannel>? channels = null;
            List<JuliaupOverride> overrides = [];
            JsonObjects.ReadDocument(ref reader, why => Invalid(file, why), (string name, ref Utf8JsonReader r) =>
            {
                switch (name)
                {
                    case "Default":
                        defaultChannel = r.TokenType == JsonTokenType.Null ? null : String(ref r, file, "\"Default\"");
                        break;
                    case "InstalledVersions":
                        versions = Entries(ref r, file, name, ReadVersion);
                        break;
                    case "InstalledChannels":
                        channels = Entries(ref r, file, name, ReadChannel);
                        break;
                    case "Overrides":
                        overrides = ReadOverrides(ref r, file);
                        break;
                    default:
                        r.Skip();
                        break;
                }
            });

            return new JuliaupConfig(
                file,
                defaultChannel,
                versions ?? throw Invalid(file, "no \"InstalledVersions\""),
                channels ?? throw Invalid(file, "no \"InstalledChannels\""),
                overrides);
        }
        catch (JsonException e)
        {
            throw Invalid(file, "not valid JSON: " + e.Message);
        }
    }

    public static UserError Invalid(string file, string why) =>
        new(ExitCode.JuliaupConfigInvalid, $"juliaup's configuration {file} is invalid: {why.Split('\n')[0]}");

    private delegate T EntryReader<out T>(ref Utf8JsonReader reader, string file, string key);

    /// <summary>A JSON object of named entries (a later duplicate key wins, as in serde's HashMap).</summary>
    private static Dictionary<string, T> Entries<T>(ref Utf8JsonReader reader, string file, string what, EntryReader<T> entry)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Invalid(file, $"\"{what}\" must be an object");
        }

        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        JsonObjects.ReadProperties(ref reader, (string key, ref Utf8JsonReader r) => result[key] = entry(ref r, file, key));
        return result;
    }

    private static JuliaupVersion ReadVersion(ref Utf8JsonReader reader, string file, string version)
    {
        var fields = Fields.Read(ref reader, file, $"version \"{version}\"");
        return fields.String("Path") is { } path && fields.OptionalString("BinaryPath", out var binary)
            ? new JuliaupVersion(path, binary)
            : throw Invalid(file, $"version \"{version}\" needs a string \"Path\"");
    }

    /// <summary>
    /// serde's untagged enum: the first kind, in the order juliaup declares them, whose fields
    /// are all there with the right types (other fields are ignored).
    /// </summary>
    private static JuliaupChannel ReadChannel(ref Utf8JsonReader reader, string file, string channel)
    {
        var f = Fields.Read(ref reader, file, $"channel \"{channel}\"");
        if (f.String("Path") is { } path && f.String("Url") is not null && f.String("LocalETag") is not null
            && f.String("ServerETag") is not null && f.String("Version") is { } downloaded && f.OptionalString("BinaryPath", out var binary))
        {
            return new JuliaupDownloadedChannel(path, downloaded, binary);
        }

        if (f.String("Version") is { } version)
        {
            return new JuliaupInstalledChannel(version);
        }

        if (f.String("Command") is { } command && f.Args is { } commandArgs)
        {
            return new JuliaupLinkedChannel(command, commandArgs);
        }

        if (f.String("Target") is { } target && f.Args is { } aliasArgs)
        {
            return new JuliaupAliasChannel(target, aliasArgs);
        }

        throw Invalid(file, $"channel \"{channel}\" is none of juliaup's kinds (a string \"Version\", \"Command\" or \"Target\")");
    }

    private static List<JuliaupOverride> ReadOverrides(ref Utf8JsonReader reader, string file)
    {
        var result = new List<JuliaupOverride>();
        JsonObjects.ReadArray(ref reader, () => Invalid(file, "\"Overrides\" must be an array"), (ref Utf8JsonReader r) =>
        {
            var f = Fields.Read(ref r, file, "an override");
            result.Add(f.String("Path") is { } path && f.String("Channel") is { } channel
                ? new JuliaupOverride(path, channel)
                : throw Invalid(file, "an override needs a string \"Path\" and \"Channel\""));
        });
        return result;
    }

    private static string String(ref Utf8JsonReader reader, string file, string what) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Invalid(file, what + " must be a string");

    /// <summary>The fields of one object: string values, JSON nulls, <c>Args</c> as a list of strings, and which had another type.</summary>
    private sealed class Fields
    {
        private readonly Dictionary<string, string?> strings = new(StringComparer.Ordinal);
        private readonly HashSet<string> other = new(StringComparer.Ordinal);
        private List<string>? args;
        private bool argsBad;

        /// <summary>Args absent or null: empty; a list of strings: it; anything else: null (this kind does not fit).</summary>
        public IReadOnlyList<string>? Args => argsBad ? null : args ?? [];

        public static Fields Read(ref Utf8JsonReader reader, string file, string what)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid(file, what + " must be an object");
            }

            var fields = new Fields();
            JsonObjects.ReadProperties(ref reader, (string key, ref Utf8JsonReader r) =>
            {
                if (key == "Args")
                {
                    fields.ReadArgs(ref r);
                }
                else if (r.TokenType is JsonTokenType.String or JsonTokenType.Null)
                {
                    fields.strings[key] = r.TokenType == JsonTokenType.Null ? null : r.GetString();
                    fields.other.Remove(key);
                }
                else
                {
                    fields.other.Add(key);
                    r.Skip();
                }
            });
            return fields;
        }

        /// <summary><c>Option&lt;Vec&lt;String&gt;&gt;</c>: null, or an array of strings; anything else makes the kinds with <c>Args</c> not fit.</summary>
        private void ReadArgs(ref Utf8JsonReader reader)
        {
            args = null;
            argsBad = false;
            if (reader.TokenType == JsonTokenType.Null)
            {
                return;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                argsBad = true;
                reader.Skip();
                return;
            }

            args = [];
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    args.Add(reader.GetString()!);
                }
                else
                {
                    argsBad = true;
                    reader.Skip();
                }
            }
        }

        public string? String(string key) => other.Contains(key) ? null : strings.GetValueOrDefault(key);

        /// <summary>Absent, null or a string: true (with the string or null); another type: false.</summary>
        public bool OptionalString(string key, out string? value)
        {
            value = strings.GetValueOrDefault(key);
            return !other.Contains(key);
        }
    }
}
