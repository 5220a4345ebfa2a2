namespace JuliaNet.Bench.Running;

/// <summary>The Julia script that drives PackageCompiler (Julia/packagecompiler_build.jl, embedded).</summary>
public static class PackageCompilerDriver
{
    public const string FileName = "packagecompiler_build.jl";

    public static string Text() => EmbeddedScript.Text(FileName);
}
