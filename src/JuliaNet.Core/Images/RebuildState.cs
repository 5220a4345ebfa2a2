namespace JuliaNet.Images;

/// <summary>Where a background rebuild stands, as its record says (<see cref="RebuildRecord"/>).</summary>
public enum RebuildState
{
    /// <summary>It runs: its julia-sysimage holds the image's build lock.</summary>
    Running,

    /// <summary>It failed: not started again until one of the image's inputs changes.</summary>
    Failed,
}

/// <summary>Each <see cref="RebuildState"/>'s one name, in the record's JSON and in <c>julia-sysimage status</c>.</summary>
public static class RebuildStates
{
    public static string Name(RebuildState state) => state switch
    {
        RebuildState.Running => "running",
        RebuildState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The state named <paramref name="name"/>, or null when it names none.</summary>
    public static RebuildState? Parse(string? name) =>
        Enum.GetValues<RebuildState>().Select(s => (RebuildState?)s).FirstOrDefault(s => Name(s!.Value) == name);
}
