namespace JuliaNet.Bench;

/// <summary>A failure the suite reports as one line, <c>bench: error: message</c>, with exit code 1.</summary>
public sealed class BenchError(string message) : Exception(message);
