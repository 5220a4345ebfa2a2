namespace JuliaNet.Bench.Running;

/// <summary>The suite's Julia scripts (Julia/*.jl, embedded), written into the work directory where a run needs them.</summary>
public static class EmbeddedScript
{
    public static string Text(string fileName)
    {
        using var stream = typeof(EmbeddedScript).Assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException($"{fileName} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes the script into <paramref name="dir"/> and returns its path.</summary>
    public static string WriteTo(string dir, string fileName)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, fileName);
        File.WriteAllText(path, Text(fileName));
        return path;
    }
}
