using System.Globalization;

namespace JuliaNet.Bench;

/// <summary>The suite's command line. Paths are relative to the working directory (the repository root under Cake).</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        usage: julia-net-bench [--quick] [--sizes N,N,...] [--pairs N] [--warmup N]
                               [--bin DIR] [--work DIR] [--out DIR] [--julia PATH]
          --quick     a trial run: sizes 5,20, 5 pairs after 1 warm-up pair
          --sizes     package sizes in number of types (default 10,30,60; 5 functions per type)
          --pairs     measured A/B pairs per comparison (default 20)
          --warmup    warm-up pairs before measuring (default 3)
          --bin       julia-net and julia-sysimage (default artifacts/bin)
          --work      generated packages, images, depots (default artifacts/bench)
          --out       where benchmarks.md and benchmarks-chart.svg go (default docs)
          --julia     the Julia to measure (default julia on PATH)
        """;

    public IReadOnlyList<int> Sizes { get; init; } = [10, 30, 60];

    public int Pairs { get; init; } = 20;

    public int Warmup { get; init; } = 3;

    public bool Quick { get; init; }

    public string BinDirectory { get; init; } = "artifacts/bin";

    public string WorkDirectory { get; init; } = "artifacts/bench";

    public string OutDirectory { get; init; } = "docs";

    public string Julia { get; init; } = "julia";

    public bool Help { get; init; }

    /// <summary>Options win over --quick's defaults whatever their order.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? new BenchOptions { Quick = true, Sizes = [5, 20], Pairs = 5, Warmup = 1 } : new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new BenchError($"{arg} needs a value");
            options = arg switch
            {
                "--quick" => options,
                "--help" or "-h" => options with { Help = true },
                "--sizes" => options with { Sizes = ParseSizes(Value()) },
                "--pairs" => options with { Pairs = ParseCount(arg, Value(), min: 1) },
                "--warmup" => options with { Warmup = ParseCount(arg, Value(), min: 0) },
                "--bin" => options with { BinDirectory = Value() },
                "--work" => options with { WorkDirectory = Value() },
                "--out" => options with { OutDirectory = Value() },
                "--julia" => options with { Julia = Value() },
                _ => throw new BenchError($"unknown argument {arg} (see --help)"),
            };
        }

        return options;
    }

    private static int[] ParseSizes(string text)
    {
        var sizes = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => ParseCount("--sizes", s, min: 1)).Distinct().Order().ToArray();
        return sizes.Length > 0 ? sizes : throw new BenchError("--sizes needs at least one size");
    }

    private static int ParseCount(string option, string text, int min) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new BenchError($"{option}: expected a whole number >= {min}, got '{text}'");
}
