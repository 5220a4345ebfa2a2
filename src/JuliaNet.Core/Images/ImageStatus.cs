using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using JuliaNet.Building;
using JuliaNet.Paths;

namespace JuliaNet.Images;

/// <summary>One package of an image against the project's manifest now.</summary>
/// <param name="InImage">The version the image holds (null: none recorded, e.g. a stdlib).</param>
/// <param name="Now">The manifest's version now (null: none, or the package is no longer in the manifest).</param>
/// <param name="InManifest">Whether the manifest still lists it (null: no manifest to compare with).</param>
/// <param name="Path">Its directory when the manifest tracks it by path (its sources are watched).</param>
public sealed record PackageStatus(string Name, string? Uuid, bool Requested, string? InImage, string? Now, bool? InManifest, string? Path)
{
    public bool Changed => InManifest is { } listed && (!listed || InImage != Now);
}

/// <summary>
/// What <c>julia-sysimage status</c> reports of an image: how it was built, its packages against
/// the manifest now, and what changed since (the same stat checks julia-net makes at launch,
/// but all of them). Pure: the metadata, the manifest and the file probe come from the edge.
/// </summary>
/// <param name="Rebuild">The background rebuild record beside the image, if any.</param>
/// <param name="Building">Whether a build of the image holds its lock now.</param>
/// <param name="Content">The image's bytes against the digest recorded at the build (<see cref="ImageContentCheck"/>).</param>
public sealed record ImageStatus(
    string Image, ImageMetadata Metadata, IReadOnlyList<PackageStatus> Packages, IReadOnlyList<string> Changes, RebuildRecord? Rebuild = null, bool Building = false,
    ImageContent Content = ImageContent.NotChecked)
{
    public bool UpToDate => Changes.Count == 0 && !Packages.Any(p => p.Changed);

    /// <summary>The project image's learned store, when it has one.</summary>
    public Learning.LearnedSummary? Learned { get; init; }

    /// <param name="manifestNow">The project's manifest entries as they are now; null when the image has no project.</param>
    /// <param name="rebuild">The background rebuild record beside the image, if any.</param>
    /// <param name="building">Whether a build of the image holds its lock now.</param>
    /// <param name="content">The image's bytes against the recorded digest.</param>
    public static ImageStatus Of(
        string image, ImageMetadata metadata, IReadOnlyList<ProjectPackage>? manifestNow, IFileProbe fs, RebuildRecord? rebuild = null, bool building = false,
        ImageContent content = ImageContent.NotChecked)
    {
        var packages = metadata.Packages.Select(p => (p, true)).Concat(metadata.Dependencies.Select(p => (p, false)))
            .Select(x =>
            {
                var (package, requested) = x;
                var now = manifestNow?.FirstOrDefault(m => m.Uuid == package.Uuid) ?? manifestNow?.FirstOrDefault(m => package.Uuid is null && m.Name == package.Name);
                return new PackageStatus(package.Name, package.Uuid, requested, package.Version, now?.Version, manifestNow is null ? null : now is not null, package.Path);
            })
            .ToList();
        return new ImageStatus(image, metadata, packages, StaleCheck.Changes(metadata.Watch, fs), rebuild, building, content);
    }

    /// <summary>The human-readable report.</summary>
    public string Text()
    {
        var m = Metadata;
        var text = new StringBuilder();
        void Line(string name, string? value) => text.Append(CultureInfo.InvariantCulture, $"{name + ":",-14}{value ?? "-"}\n");
        Line("image", Image);
        Line("state", UpToDate ? "up to date" : "out of date");
        Line("content", Content switch
        {
            ImageContent.Verified => "verified (SHA-256 as recorded at the build)",
            ImageContent.Damaged => "damaged (SHA-256 differs from the one recorded at the build)",
            _ => "not checked (no SHA-256 recorded: built by an older julia-sysimage)",
        });
        Line("julia", m.Julia is null ? m.JuliaVersion : $"{m.JuliaVersion} ({m.Julia})");
        Line("cpu target", m.CpuTarget);
        Line("project", m.Project);
        Line("built", m.BuildTime?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        Line("build time", m.BuildSeconds is { } s ? s.ToString("0.0 's'", CultureInfo.InvariantCulture) : null);
        Line("peak memory", m.PeakMemoryBytes is { } b ? (b / 1048576.0).ToString("0 'MB'", CultureInfo.InvariantCulture) : null);
        Line("built by", m.ToolVersion is null ? null : "julia-sysimage " + m.ToolVersion);
        Line("rebuild", m.Rebuild.Count > 0 ? ShellWords.Join(m.Rebuild) : null);
        Line("background", BackgroundText());
        if (Learned is { } learned)
        {
            Line("learned", learned.Text());
        }
        text.Append(CultureInfo.InvariantCulture, $"packages ({Packages.Count(p => p.Requested)} requested, {Packages.Count(p => !p.Requested)} with them):\n");
        foreach (var p in Packages)
        {
            var now = p.InManifest switch
            {
                null => "no manifest to compare with",
                false => "no longer in the manifest",
                true when p.InImage == p.Now => "as in the manifest",
                _ => $"manifest now {p.Now ?? "-"}",
            };
            text.Append(CultureInfo.InvariantCulture, $"  {p.Name} {p.InImage ?? "-"}{(p.Path is null ? "" : " [path " + p.Path + "]")}{(p.Requested ? "" : " (dependency)")}: {now}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"changed since the build: {(Changes.Count == 0 ? "nothing" : Changes.Count.ToString(CultureInfo.InvariantCulture))}\n");
        foreach (var change in Changes)
        {
            text.Append("  ").Append(change).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The background rebuild as launches see it, or null for none (a record of a rebuild whose process is gone counts as none).</summary>
    public RebuildState? BackgroundState => Building ? RebuildState.Running : Rebuild is { IsFailed: true } ? RebuildState.Failed : null;

    private string BackgroundText() => (BackgroundState, Rebuild) switch
    {
        (RebuildState.Running, { State: RebuildState.Running } r) => $"rebuilding since {Time(r.StartedAt)} (pid {r.Pid}; log: {r.Log})",
        (RebuildState.Running, _) => "a build of this image is running (it holds the build lock)",
        (RebuildState.Failed, { } r) => $"rebuild failed at {Time(r.FinishedAt)} (exit {r.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-"}): {r.Message}; log: {r.Log}; tried again when an input changes",
        _ => "none",
    };

    private static string Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>The same as one JSON object, for scripts (null where nothing was recorded).</summary>
    public string Json()
    {
        var m = Metadata;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("image", Image);
            json.WriteBoolean("upToDate", UpToDate);
            json.WriteString("content", Content switch { ImageContent.Verified => "verified", ImageContent.Damaged => "damaged", _ => "notChecked" });
            json.WriteString("imageSha256", m.ImageSha256);
            json.WriteString("julia", m.Julia);
            json.WriteString("juliaVersion", m.JuliaVersion);
            json.WriteString("cpuTarget", m.CpuTarget);
            json.WriteString("project", m.Project);
            if (m.BuildTime is { } built)
            {
                json.WriteString("buildTime", built);
            }
            else
            {
                json.WriteNull("buildTime");
            }

            Number(json, "buildSeconds", m.BuildSeconds);
            Number(json, "peakMemoryBytes", m.PeakMemoryBytes);
            json.WriteString("toolVersion", m.ToolVersion);
            json.WriteStartArray("rebuild");
            m.Rebuild.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("packages");
            foreach (var p in Packages)
            {
                json.WriteStartObject();
                json.WriteString("name", p.Name);
                json.WriteString("uuid", p.Uuid);
                json.WriteBoolean("requested", p.Requested);
                json.WriteString("version", p.InImage);
                json.WriteString("manifestVersion", p.Now);
                if (p.InManifest is { } listed)
                {
                    json.WriteBoolean("inManifest", listed);
                }
                else
                {
                    json.WriteNull("inManifest");
                }

                json.WriteString("path", p.Path);
                json.WriteBoolean("changed", p.Changed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("changes");
            Changes.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            if (BackgroundState is { } state)
            {
                json.WriteStartObject("backgroundRebuild");
                json.WriteString("state", RebuildStates.Name(state));
                var r = Rebuild?.State == state ? Rebuild : null;
                Number(json, "pid", r?.Pid);
                json.WriteString("startedAt", r?.StartedAt?.ToString("O", CultureInfo.InvariantCulture));
                json.WriteString("finishedAt", r?.FinishedAt?.ToString("O", CultureInfo.InvariantCulture));
                Number(json, "exitCode", r?.ExitCode);
                json.WriteString("message", r?.Message);
                json.WriteString("log", r?.Log);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("backgroundRebuild");
            }

            if (Learned is { } learned)
            {
                json.WriteStartObject("learned");
                json.WriteBoolean("on", learned.On);
                json.WriteString("store", learned.Store);
                json.WriteNumber("runs", learned.State.Runs);
                json.WriteNumber("statements", learned.State.Statements);
                json.WriteNumber("newSinceBuild", learned.State.New);
                json.WriteBoolean("improvable", learned.Improvable);
                json.WriteNumber("bytes", learned.State.Bytes);
                json.WriteNumber("limitBytes", learned.LimitBytes);
                json.WriteNumber("setAside", learned.State.SetAside);
                json.WriteNumber("skippedLines", learned.State.Skipped);
                json.WriteNumber("overLimit", learned.State.OverLimit);
                json.WriteNumber("pendingRuns", learned.PendingRuns);
                json.WriteNumber("pendingBytes", learned.PendingBytes);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("learned");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
