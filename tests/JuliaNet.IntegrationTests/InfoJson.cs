using System.Text.Json;

namespace JuliaNet.IntegrationTests;

/// <summary>Reads julia-net's <c>--julia-net-info</c> object.</summary>
public static class InfoJson
{
    public static JsonElement Read(Tools tools, string launcher, params string[] args) => Read(tools, launcher, null, args);

    public static JsonElement Read(Tools tools, string launcher, IReadOnlyDictionary<string, string?>? env, params string[] args)
    {
        var result = tools.Run(launcher, ["--julia-net-info", .. args], env);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    public static string CacheDir(Tools tools, string launcher, params string[] args) => CacheDir(tools, launcher, null, args);

    public static string CacheDir(Tools tools, string launcher, IReadOnlyDictionary<string, string?>? env, params string[] args) =>
        Read(tools, launcher, env, args).GetProperty("cacheDir").GetString()!;
}
