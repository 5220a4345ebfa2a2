using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using JuliaNet.Julia;
using JuliaNet.Launching;

namespace JuliaNet.Launcher;

/// <summary>The <c>--julia-net-info</c> object: what julia-net would run, and where caches go.</summary>
internal static class InfoJson
{
    public static string Write(LaunchPlan plan)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: paths print as they are (juliaup's version directories hold a '+'); this is not HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("launcher", plan.Launcher);
            json.WriteString("julia", plan.Julia);
            json.WriteString("juliaVersion", plan.JuliaVersion);
            json.WriteString("juliaSource", plan.JuliaSource.InfoName());
            json.WriteString("juliaupChannel", plan.JuliaupChannel);
            json.WriteString("juliaupConfig", plan.JuliaupConfig);
            json.WriteString("sysimage", plan.Image);
            json.WriteString("sysimageSource", plan.ImageSource.InfoName());
            json.WriteString("project", plan.Project);
            json.WriteString("cpuTarget", plan.CpuTarget);
            json.WriteString("cacheDir", plan.CacheDepot);
            json.WriteString("cacheRoot", plan.CacheRoot);
            json.WriteString("userDepot", plan.UserDepot);
            WriteArray(json, "depotPath", plan.DepotPath);
            WriteArray(json, "argv", plan.Argv);
            if (plan.Stale?.Change is { } change)
            {
                json.WriteString("stale", change);
            }
            else
            {
                json.WriteNull("stale");
            }

            if (plan.Rebuild is { } rebuild)
            {
                // The out-of-date image passed over (sysimage is then Julia's default), and its rebuild.
                json.WriteStartObject("rebuild");
                json.WriteString("image", rebuild.Image);
                json.WriteString("log", rebuild.Log);
                json.WriteString("record", rebuild.Files.RebuildRecord);
                json.WriteBoolean("failedBefore", rebuild.Failed is not null);
                WriteArray(json, "command", rebuild.Command);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("rebuild");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
