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
