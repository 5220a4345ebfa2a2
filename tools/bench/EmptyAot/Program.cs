namespace JuliaNet.Bench.EmptyAot;

/// <summary>Does nothing: the start and exit of a Native AOT process, nothing else.</summary>
public static class Program
{
    public static int Main() => 0;
}
