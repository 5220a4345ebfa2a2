using System.Security.Cryptography;
using System.Text;
using JuliaNet.Errors;
using JuliaNet.Paths;

namespace JuliaNet.Building;

/// <summary>
/// One hash of every input of a build, recorded in the image's metadata with the fingerprint of
/// each input: the content of files (scripts, statements, project files), of every file below an
/// input directory (a path package's <c>src/</c> and <c>ext/</c>, <see cref="SourceTree"/>) with
/// its relative path (a FIFO, socket or device there by its name alone, never opened), the size and
/// time of the large binaries (julia and the base image, each as the file it resolves to), Julia's
/// version and the settings. Equal hashes mean the image is up to date.
/// </summary>
/// <param name="Value">SHA-256 in lower-case hex (what <c>--print-key</c> prints).</param>
/// <param name="PerInput">Each input's fingerprint, by name and path, in ordinal order.</param>
public sealed record InputsHash(string Value, IReadOnlyDictionary<string, string> PerInput)
{
    /// <param name="baseImage">The base image the build starts from: the plan's, else Julia's default.</param>
    public static InputsHash Of(BuildPlan plan, string baseImage, string juliaVersion, IFileProbe fs)
    {
        var perInput = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in plan.Inputs)
        {
            perInput[input.Name + " " + input.Path] = Fingerprint(input, fs);
        }

        perInput["base image " + baseImage] = TargetFingerprint(baseImage, fs);
        perInput["julia version"] = juliaVersion;
        foreach (var (name, value) in plan.Values)
        {
            perInput[name] = value;
        }

        var all = string.Join("\n", perInput.Select(kv => kv.Key + "\0" + kv.Value));
        return new InputsHash(Sha(all), new Dictionary<string, string>(perInput, StringComparer.Ordinal));
    }

    private static string Fingerprint(BuildInput input, IFileProbe fs)
    {
        if (fs.Kind(input.Path) == PathKind.Directory)
        {
            var files = SourceTree.Entries(input.Path, fs).Where(e => !e.IsDirectory)
                .Select(file => Path.GetRelativePath(input.Path, file.Path) + "\0" + (file.IsSpecial ? Special : ContentFingerprint(file.Path, input, fs)));
            return Sha(string.Join("\n", files));
        }

        return input.ContentHashed ? ContentFingerprint(input.Path, input, fs) : StatFingerprint(input.Path, fs);
    }

    /// <summary>
    /// What a FIFO, socket or device below an input directory is recorded as: its name counts
    /// (adding, removing or renaming one changes the hash; its directory is watched), nothing else
    /// does, and it is never opened (reading a FIFO would block the build until a writer came).
    /// </summary>
    private const string Special = "special";

    private static string ContentFingerprint(string path, BuildInput input, IFileProbe fs) =>
        FileDigest.Sha256(path, fs) ?? throw new UserError(ExitCode.InputMissing, $"cannot read {path} ({input.Name})");

    /// <summary>
    /// Size and modification time in .NET ticks (100 ns since 0001-01-01, rounded down), as
    /// images built before recorded them with .NET's <c>FileInfo</c>: of a symlink itself, not of
    /// its target (a broken symlink included); "missing" when nothing is there, or a directory.
    /// </summary>
    private static string StatFingerprint(string path, IFileProbe fs) =>
        fs.Kind(path) != PathKind.Directory && fs.LinkStamp(path) is { IsDirectory: false } stamp ? $"{stamp.Size}:{Ticks(stamp.Modified)}" : "missing";

    /// <summary>
    /// Size and modification time (as <see cref="StatFingerprint"/>) of what the path resolves to,
    /// symlinks followed, and that file's real path when it is not the path given: a base image
    /// given as a symlink changes the hash when the image behind the link is replaced or the link
    /// is pointed elsewhere, not when the link alone is touched. A plain file's fingerprint is what
    /// images built before recorded. "missing" when nothing is there, or a directory.
    /// </summary>
    private static string TargetFingerprint(string path, IFileProbe fs)
    {
        if (fs.Stamp(path) is not { IsDirectory: false } stamp)
        {
            return "missing";
        }

        var real = fs.RealPath(path);
        var fingerprint = $"{stamp.Size}:{Ticks(stamp.Modified)}";
        return real == path ? fingerprint : fingerprint + " of " + real;
    }

    private static long Ticks(long unixNanoseconds)
    {
        var (quotient, remainder) = Math.DivRem(unixNanoseconds, 100);
        return DateTime.UnixEpoch.Ticks + (remainder < 0 ? quotient - 1 : quotient);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
