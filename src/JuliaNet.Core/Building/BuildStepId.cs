namespace JuliaNet.Building;

/// <summary>The steps of a build, in the order they run (<see cref="BuildSteps.Plan"/>).</summary>
public enum BuildStepId
{
    /// <summary>Build the packages' precompile caches (precompile.jl).</summary>
    Precompile,

    /// <summary>Run the precompile scripts under <c>--trace-compile</c> (trace.jl); only with scripts.</summary>
    Trace,

    /// <summary>Generate the image's object archive (build_image.jl under <c>--output-o</c>).</summary>
    Object,

    /// <summary>Link the archive into the image with the C compiler.</summary>
    Link,

    /// <summary>Start Julia on the new image and check it (verify.jl).</summary>
    Verify,
}

public static class BuildStepIds
{
    /// <summary>
    /// The step's name where people and programs read it: the build log's headers, errors
    /// ("link: ..."), and the <c>step</c> of JULIA_NET_STEP_STATS lines.
    /// </summary>
    public static string WireName(this BuildStepId id) => id switch
    {
        BuildStepId.Precompile => "precompile",
        BuildStepId.Trace => "trace",
        BuildStepId.Object => "object",
        BuildStepId.Link => "link",
        BuildStepId.Verify => "verify",
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };
}
