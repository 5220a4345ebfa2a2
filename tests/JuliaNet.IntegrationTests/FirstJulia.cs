namespace JuliaNet.IntegrationTests;

/// <summary>
/// Which run of the suite this is when build.cake runs it on several Julias (<c>JULIA_NET_TEST_ROUND</c>:
/// 0 for the first, the julia on PATH in CI). A spec marked <see cref="FirstJuliaFactAttribute"/> or <see cref="FirstJuliaTheoryAttribute"/>
/// proves something of julia-sysimage itself, not of the Julia it drives, and runs in the first
/// round only, to keep CI's second Julia within its time.
/// </summary>
public static class SuiteRound
{
    public const string Variable = "JULIA_NET_TEST_ROUND";

    public static bool IsFirst => Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } round || round == "0";

    /// <summary>The skip reason of a first-Julia-only spec on this run: null on the first Julia.</summary>
    public static string? SkipUnlessFirst(string why) => IsFirst ? null : "runs on the suite's first Julia only: " + why;
}

/// <summary>A fact that runs on the first Julia of the suite only (<see cref="SuiteRound"/>), skipped, saying why, on the others.</summary>
public sealed class FirstJuliaFactAttribute : FactAttribute
{
    public FirstJuliaFactAttribute(string why)
    {
        Skip = SuiteRound.SkipUnlessFirst(why);
    }
}

/// <summary>A theory that runs on the first Julia of the suite only (<see cref="SuiteRound"/>), skipped, saying why, on the others.</summary>
public sealed class FirstJuliaTheoryAttribute : TheoryAttribute
{
    public FirstJuliaTheoryAttribute(string why)
    {
        Skip = SuiteRound.SkipUnlessFirst(why);
    }
}
