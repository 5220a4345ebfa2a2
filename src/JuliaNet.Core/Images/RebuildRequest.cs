using JuliaNet.Processes;

namespace JuliaNet.Images;

/// <summary>
/// What julia-net asks of the julia-sysimage it starts to rebuild an out-of-date image in the
/// background, carried in that process's environment (both sides here, so they cannot drift):
/// the image, and the stamps of its inputs as the launch saw them (<see cref="StaleCheck.Fingerprint"/>),
/// which the rebuild's record keeps so that a failed rebuild is tried again only once an input
/// changes again.
/// </summary>
/// <param name="Image">The image's absolute path.</param>
/// <param name="Fingerprint">The stamps of the image's inputs when the launch found it out of date.</param>
public sealed record RebuildRequest(string Image, string Fingerprint)
{
    public ImageFiles Files => new(Image);

    /// <summary><paramref name="user"/>'s environment with this request in it.</summary>
    public IReadOnlyDictionary<string, string> AddTo(IReadOnlyDictionary<string, string> user) =>
        new Dictionary<string, string>(user, StringComparer.Ordinal) { [EnvironmentVariables.RebuildOf] = Image, [EnvironmentVariables.RebuildFingerprint] = Fingerprint };

    /// <summary>The request in a julia-sysimage's environment, or null when it was not started as a background rebuild.</summary>
    public static RebuildRequest? From(ProcessFacts process) =>
        process.Env(EnvironmentVariables.RebuildOf) is { } image
            ? new RebuildRequest(Path.GetFullPath(image, process.WorkingDirectory), process.Env(EnvironmentVariables.RebuildFingerprint) ?? "")
            : null;
}
