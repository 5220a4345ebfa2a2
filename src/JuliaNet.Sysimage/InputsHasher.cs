using System.Security.Cryptography;
using System.Text;
using JuliaNet.Building;

namespace JuliaNet.Sysimage;

/// <summary>
/// One hash of every input of a build: file contents (scripts, statements, project files,
/// path packages' sources), size and time of large binaries (julia, base image), and the
/// settings. Equal hashes mean the image is up to date.
/// </summary>
internal static class InputsHasher
{
    public static (string Hash, Dictionary<string, string> PerInput) Hash(BuildPlan plan, string baseImage, string juliaVersion)
    {
        var perInput = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in plan.Inputs)
        {
            perInput[input.Name + " " + input.Path] = Fingerprint(input);
        }

        perInput["base image " + baseImage] = StatFingerprint(baseImage);
        perInput["julia version"] = juliaVersion;
        foreach (var (name, value) in plan.Values)
        {
            perInput[name] = value;
        }

        var all = string.Join("\n", perInput.Select(kv => kv.Key + "\0" + kv.Value));
        return (Sha(Encoding.UTF8.GetBytes(all)), new Dictionary<string, string>(perInput, StringComparer.Ordinal));
    }

    private static string Fingerprint(BuildInput input)
    {
        if (Directory.Exists(input.Path))
        {
            var files = SourceTree.Files(input.Path).Select(f => Path.GetRelativePath(input.Path, f) + "\0" + Sha(File.ReadAllBytes(f)));
            return Sha(Encoding.UTF8.GetBytes(string.Join("\n", files)));
        }

        return input.ContentHashed ? Sha(File.ReadAllBytes(input.Path)) : StatFingerprint(input.Path);
    }

    private static string StatFingerprint(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "missing";
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
