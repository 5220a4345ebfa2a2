using System.Text;
using System.Text.Json;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Config;

/// <summary>
/// The user's defaults, from <c>config.json</c> in the user's config directory: the system
/// image to use when none is given, the Julia to run, and what to do with an image that is
/// out of date, and whether julia-net learns from a project's runs (<c>learn</c>, <c>learn_limit</c>:
/// <see cref="Learning.LearningSettings"/>). All are optional. A relative path
/// (or one starting with <c>~/</c>) is taken relative to the config file's directory (or HOME).
/// </summary>
public sealed record UserConfig(string? Sysimage, string? Julia, StaleMode? Stale = null)
{
    public const string LearnKey = "learn";
    public const string LearnLimitKey = "learn_limit";

    public const string SysimageKey = "sysimage";
    public const string JuliaKey = "julia";
    public const string StaleKey = "stale";

    public static readonly UserConfig None = new(null, null);

    /// <summary>The config's <c>learn</c>: null when not set.</summary>
    public bool? Learn { get; init; }

    /// <summary>The config's <c>learn_limit</c> in bytes: null when not set.</summary>
    public long? LearnLimit { get; init; }

    /// <summary>Where the config file lives: XDG on Linux, Application Support on macOS, APPDATA on Windows.</summary>
    public static string PathFor(ProcessFacts process)
    {
        var directory = process.Platform switch
        {
            Platform.Windows => process.Env(EnvironmentVariables.AppData) ?? Path.Combine(process.Home, "AppData", "Roaming"),
            Platform.MacOS => Path.Combine(process.Home, "Library", "Application Support"),
            _ => process.Env(EnvironmentVariables.XdgConfigHome) is { } xdg && Path.IsPathRooted(xdg) ? xdg : Path.Combine(process.Home, ".config"),
        };
        return Path.Combine(directory, "julia-net", "config.json");
    }

    /// <summary>The user's config, or <see cref="None"/> when there is no config file.</summary>
    public static UserConfig Load(ProcessFacts process, IFileProbe fs)
    {
        var path = PathFor(process);
        if (fs.Kind(path) == PathKind.Missing)
        {
            return None;
        }

        var text = fs.ReadText(path) ?? throw new UserError(ExitCode.ConfigInvalid, $"config file is not a readable file: {path}");
        return Parse(text, path, process);
    }

    public static UserConfig Parse(string json, string path, ProcessFacts process)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "it must be a JSON object");
            }

            string? sysimage = null, julia = null;
            StaleMode? stale = null;
            bool? learn = null;
            long? learnLimit = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case SysimageKey:
                        sysimage = PathValue(property, path, process);
                        break;
                    case JuliaKey:
                        julia = PathValue(property, path, process);
                        break;
                    case StaleKey:
                        stale = property.Value.ValueKind == JsonValueKind.Null ? null
                            : property.Value.ValueKind == JsonValueKind.String && StaleModes.Parse(property.Value.GetString()!) is { } mode ? mode
                            : throw Invalid(path, $"\"{StaleKey}\" must be \"warn\", \"ignore\", \"error\", \"rebuild\" or null");
                        break;
                    case LearnKey:
                        learn = property.Value.ValueKind switch
                        {
                            JsonValueKind.Null => null,
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            _ => throw Invalid(path, $"\"{LearnKey}\" must be true, false or null"),
                        };
                        break;
                    case LearnLimitKey:
                        learnLimit = property.Value.ValueKind == JsonValueKind.Null ? null
                            : property.Value.ValueKind == JsonValueKind.String && Building.MemorySize.Parse(property.Value.GetString()!) is { } bytes ? bytes
                            : throw Invalid(path, $"\"{LearnLimitKey}\" must be a size such as \"8M\" or \"64M\", or null");
                        break;
                    default:
                        throw Invalid(path, $"unknown key \"{property.Name}\" (known: \"{SysimageKey}\", \"{JuliaKey}\", \"{StaleKey}\", \"{LearnKey}\", \"{LearnLimitKey}\")");
                }
            }

            return new UserConfig(sysimage, julia, stale) { Learn = learn, LearnLimit = learnLimit };
        }
        catch (JsonException e)
        {
            throw Invalid(path, "not valid JSON: " + e.Message.Split('\n')[0]);
        }
    }

    /// <summary>The config file's text holding these values (absolute paths), indented, keys that are null left out.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            if (Sysimage is not null)
            {
                writer.WriteString(SysimageKey, Sysimage);
            }

            if (Julia is not null)
            {
                writer.WriteString(JuliaKey, Julia);
            }

            if (Stale is { } stale)
            {
                writer.WriteString(StaleKey, stale.ToString().ToLowerInvariant());
            }

            if (Learn is { } learn)
            {
                writer.WriteBoolean(LearnKey, learn);
            }

            if (LearnLimit is { } limit)
            {
                writer.WriteString(LearnLimitKey, limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string? PathValue(JsonProperty property, string path, ProcessFacts process)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String when property.Value.GetString() is { Length: > 0 } value:
                if (HomePath.StartsAtHome(value))
                {
                    return Path.GetFullPath(HomePath.Expand(value, process.Home));
                }

                // A bare name (no directory) for julia is looked up on PATH, as on the command line;
                // "+CHANNEL" (no directory either) names a juliaup channel.
                return property.Name == JuliaKey && !value.Contains('/', StringComparison.Ordinal) && !value.Contains('\\', StringComparison.Ordinal)
                    ? value
                    : Path.GetFullPath(value, Path.GetDirectoryName(path)!);
            default:
                throw Invalid(path, $"\"{property.Name}\" must be a non-empty string (a path) or null");
        }
    }

    private static UserError Invalid(string path, string why) =>
        new(ExitCode.ConfigInvalid, $"config file {path} is invalid: {why}");
}
