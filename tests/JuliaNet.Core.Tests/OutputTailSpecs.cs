using JuliaNet.Building;

namespace JuliaNet.Core.Tests;

/// <summary>What a failed step shows: its last lines, and Julia's error message however long the stack trace after it.</summary>
public sealed class OutputTailSpecs
{
    /// <summary>Julia 1.10's shape of an uncaught error in a script: the message, then two lines a frame.</summary>
    private static IEnumerable<string> JuliaError(string message, int frames) =>
    [
        "ERROR: LoadError: " + message,
        "Stacktrace:",
        .. Enumerable.Range(1, frames).SelectMany(i => new[] { $"  [{i}] f{i}()", $"    @ Main ./script.jl:{i}" }),
        "in expression starting at /p/script.jl:1",
    ];

    private static OutputTail Tail(int capacity, IEnumerable<string> lines)
    {
        var tail = new OutputTail(capacity);
        foreach (var line in lines)
        {
            tail.Add(line);
        }

        return tail;
    }

    [Fact]
    public void Lines_FewerThanCapacity_AreAllInOrder()
    {
        var tail = Tail(5, ["a", "b", "c"]);

        Assert.Equal(["a", "b", "c"], tail.Lines());
    }

    [Fact]
    public void Lines_MoreThanCapacityAndNoError_AreTheLastOnes()
    {
        var tail = Tail(3, ["a", "b", "c", "d", "e"]);

        Assert.Equal(["c", "d", "e"], tail.Lines());
    }

    [Fact]
    public void Lines_ErrorWithinTheTail_AreTheTailAlone()
    {
        var tail = Tail(15, ["loading", .. JuliaError("boom", 3)]);

        Assert.Equal(["loading", .. JuliaError("boom", 3)], tail.Lines());
    }

    [Fact]
    public void Lines_LongStackTracePushesTheErrorOut_ShowTheErrorFirstThenAGapThenTheTail()
    {
        var lines = JuliaError("boom from the precompile script", 20).ToList();

        var shown = Tail(15, lines).Lines();

        Assert.Equal(["ERROR: LoadError: boom from the precompile script", OutputTail.Gap, .. lines[^15..]], shown);
    }

    [Fact]
    public void Lines_ErrorJustBeforeTheTail_NeedNoGap()
    {
        var tail = Tail(2, ["ERROR: boom", "Stacktrace:", "frame"]);

        Assert.Equal(["ERROR: boom", "Stacktrace:", "frame"], tail.Lines());
    }

    [Fact]
    public void Lines_MultiLineMessage_KeepItsLinesUpToTheStackTrace()
    {
        var lines = new[] { "ERROR: LoadError: MethodError: no method matching f(::Int64)", "Closest candidates are:", "  f(::String)" }
            .Concat(JuliaError("x", 10).Skip(1));

        var shown = Tail(4, lines).Lines();

        Assert.Equal(["ERROR: LoadError: MethodError: no method matching f(::Int64)", "Closest candidates are:", "  f(::String)", OutputTail.Gap], shown.Take(4));
    }

    [Fact]
    public void Lines_TwoErrors_ShowTheLastMessage()
    {
        var lines = JuliaError("first", 10).Concat(JuliaError("second", 10)).ToList();

        var shown = Tail(5, lines).Lines();

        Assert.Equal("ERROR: LoadError: second", shown[0]);
        Assert.DoesNotContain("ERROR: LoadError: first", shown);
    }

    [Fact]
    public void Lines_MessageLongerThanTheLimit_KeepsItsFirstLines()
    {
        var lines = new[] { "ERROR: many" }.Concat(Enumerable.Range(1, 30).Select(i => $"line {i}")).Append("Stacktrace:").Concat(Enumerable.Range(1, 30).Select(i => $"frame {i}"));

        var shown = Tail(3, lines).Lines();

        Assert.Equal(OutputTail.MaxErrorLines + 1 + 3, shown.Count);
        Assert.Equal("ERROR: many", shown[0]);
        Assert.Equal($"line {OutputTail.MaxErrorLines - 1}", shown[OutputTail.MaxErrorLines - 1]);
    }
}
