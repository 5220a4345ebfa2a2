namespace JuliaNet.Runtime;

/// <summary>Julia code shipped as embedded <c>.jl</c> resources, never as C# strings.</summary>
public static class EmbeddedJulia
{
    public static string Read(string name) => Read(typeof(EmbeddedJulia).Assembly, name);

    public static string Read(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded Julia resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
