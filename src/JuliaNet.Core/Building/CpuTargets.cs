namespace JuliaNet.Building;

/// <summary>CPU targets for image code generation (PackageCompiler's choices).</summary>
public static class CpuTargets
{
    public const string Native = "native";

    /// <summary>A multi-target x86-64 image that runs on any x86-64 CPU, with fast paths for newer ones.</summary>
    public const string PortableX64 = "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1)";

    public static string Choose(string? explicitTarget, bool portable) =>
        explicitTarget ?? (portable ? PortableX64 : Native);
}
