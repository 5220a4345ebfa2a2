using JuliaNet.Learning;

namespace JuliaNet.Core.Tests;

/// <summary>Issue 31: a trace line's statement, as every supported Julia writes it, annotations dropped; anything cut short is none.</summary>
public sealed class TraceLineSpecs
{
    [Theory]
    [InlineData("precompile(Tuple{typeof(Base.sum), Array{Int64, 1}})", "precompile(Tuple{typeof(Base.sum), Array{Int64, 1}})")]
    [InlineData("#=   12.3 ms =# precompile(Tuple{typeof(Base.sum), Array{Int64, 1}})", "precompile(Tuple{typeof(Base.sum), Array{Int64, 1}})")]
    [InlineData("precompile(Tuple{typeof(Base.sum), Array{Int64, 1}}) # recompile", "precompile(Tuple{typeof(Base.sum), Array{Int64, 1}})")]
    [InlineData("#= 1.0 ms =# precompile(Tuple{typeof(Main.f), Int64}) # recompile", "precompile(Tuple{typeof(Main.f), Int64})")]
    [InlineData("precompile(Tuple{getfield(Main, Symbol(\"#1#2\")), Int64})", "precompile(Tuple{getfield(Main, Symbol(\"#1#2\")), Int64})")]
    [InlineData("precompile(Tuple{Main.var\"#g##0#g##1\"{Int64}, Int64})\r", "precompile(Tuple{Main.var\"#g##0#g##1\"{Int64}, Int64})")]
    public void Statement_OfAWholeLine_IsThePrecompileCallWithoutAnnotations(string line, string expected) =>
        Assert.Equal(expected, TraceLine.Statement(line));

    [Theory]
    [InlineData("precompile(Tuple{typeof(Base.sum), Array{Int64")]
    [InlineData("precompile(Tuple{typeof(Base.sum), Array{Int64, 1}}")]
    [InlineData("precompile(Tuple{Main.var\"#f)")]
    [InlineData("#= 12.3 ms precompile(Tuple{})")]
    [InlineData("println(1)")]
    [InlineData("")]
    public void Statement_OfALineCutShortOrOfSomethingElse_IsNone(string line) =>
        Assert.Null(TraceLine.Statement(line));
}
