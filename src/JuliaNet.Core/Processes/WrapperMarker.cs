using JuliaNet.Paths;

namespace JuliaNet.Processes;

/// <summary>
/// Windows: the file <c>julia.exe.julia-net</c> beside the wrapper <c>julia.exe</c> (a hard link
/// to, or a copy of, julia-net), holding the SHA-256 of the julia-net it was made from. A
/// <c>julia.exe</c> is julia-net's own wrapper only when its content has a digest the marker
/// lists, so a real julia.exe is never taken for one (not even beside a stale marker), and an
/// older julia-net's wrapper still is. While a wrapper is replaced the marker lists the old
/// and the new digest, so an install cut short leaves a wrapper that is still recognised.
/// </summary>
/// <param name="Path">Where the marker is.</param>
/// <param name="Text">Its content once the wrapper is in place.</param>
/// <param name="TransitionText">Its content while an older wrapper is replaced (both digests); null when nothing is replaced.</param>
public sealed record WrapperMarker(string Path, string Text, string? TransitionText)
{
    public const string Suffix = ".julia-net";
    private const string Heading = "julia-net wrapper: the julia.exe beside this file is julia-net (remove both with julia-net --julia-net-remove-wrapper DIR)";
    private const string DigestKey = "sha256=";

    public static string PathFor(string wrapper) => wrapper + Suffix;

    public static string TextFor(IEnumerable<string> digests) =>
        string.Concat(new[] { Heading }.Concat(digests.Distinct(StringComparer.Ordinal).Select(d => DigestKey + d)).Select(line => line + "\r\n"));

    /// <summary>Whether <paramref name="wrapper"/> is julia-net's: a marker beside it lists the digest of its content.</summary>
    public static bool Recognises(string wrapper, IFileProbe fs) =>
        fs.ReadText(PathFor(wrapper)) is { } text
        && FileDigest.Sha256(wrapper, fs) is { } digest
        && Digests(text).Contains(digest, StringComparer.Ordinal);

    /// <summary>Whether a marker stands beside <paramref name="candidate"/> (cheap: no digest), for skipping wrappers on PATH.</summary>
    public static bool IsBeside(string candidate, IFileProbe fs) => fs.Kind(PathFor(candidate)) == PathKind.File;

    private static IEnumerable<string> Digests(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith(DigestKey, StringComparison.Ordinal)).Select(line => line[DigestKey.Length..]);
}
