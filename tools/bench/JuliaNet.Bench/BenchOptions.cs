using System.Globalization;

namespace JuliaNet.Bench;

/// <summary>The suite's command line. Paths are relative to the working directory (the repository root under Cake).</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        usage: julia-net-bench [--quick] [--sizes N,N,...] [--pairs N] [--warmup N]
                               [--bin DIR] [--work DIR] [--out DIR] [--julia PATH]
                               [--packagecompiler ENVDIR] [--launcher-only]
                               [--baseline-launcher PATH] [--workers N,N,...]
                               [--cluster-rounds N] [--no-cluster] [--cluster-only]
          --quick     a trial run: sizes 5,20, 5 pairs after 1 warm-up pair; workers 2,4,
                      1 cluster round
          --launcher-only
                      only the launcher overhead and julia-net's own time, on the largest
                      size's image: julia-sysimage without --force makes it ready (under a
                      second when a previous run in the same --work left it up to date,
                      minutes when it builds); no other builds or measures, and
                      docs/benchmarks.md is not touched: the report is OUT/launcher.md.
                      Like a full run, it publishes an empty Native AOT program
                      (tools/bench/EmptyAot, with dotnet publish, into WORK/empty-aot),
                      measures it in the same rounds as julia-net's own time and gives
                      the own time as a ratio to it
          --baseline-launcher PATH
                      another julia-net (an older build copied aside, say) measured in the
                      same alternation as this one for julia-net's own time; the report
                      gives both, their ratio, and each over the empty Native AOT program
          --workers   the cluster figure's worker counts (default 8,16): on a one-node SLURM
                      cluster the suite starts (SLURM and MUNGE installed: bash
                      tools/install-test-tools.sh; run as root or as the user the daemons
                      may run as), the time until every worker has returned the first
                      result of the largest package's workload, without and with its
                      worker image (julia-sysimage --distributed, made ready without
                      --force); the cluster part also measures addprocs of 4 local
                      workers on Julia's default image and on the worker image (no SLURM)
          --cluster-rounds
                      measured rounds per worker count (default 3; each round runs both,
                      the order turning); the addprocs line runs at least 3
          --no-cluster
                      no cluster part (a full run measures the addprocs line, and the
                      SLURM figure when SLURM is installed)
          --cluster-only
                      only the cluster part, on the largest size's worker image made ready
                      without --force (the SLURM figure only when SLURM is installed); it
                      replaces the cluster part of its Julia's section of OUT/benchmarks.md
                      and keeps the rest
          --sizes     package sizes in number of types (default 10,30,60; 5 functions per type)
          --pairs     measured A/B pairs per comparison (default 20)
          --warmup    warm-up pairs before measuring (default 3)
          --bin       julia-net and julia-sysimage (default artifacts/bin)
          --work      generated packages, images, depots (default artifacts/bench)
          --out       where benchmarks.md and its chart go (default docs); with
                      --launcher-only, launcher.md (default: the --work directory)
          --julia     the Julia to measure (default julia on PATH)
          --packagecompiler ENVDIR
                      also build the largest package with PackageCompiler, from the Julia
                      environment ENVDIR where `using PackageCompiler` works (2.2 and later
                      need Julia 1.10+), and compare builds and run times (default: the
                      environment variable JULIA_NET_BENCH_PACKAGECOMPILER; neither: no comparison)
        """;

    /// <summary>Where <c>--packagecompiler</c> is read from when the option is absent.</summary>
    public const string PackageCompilerVariable = "JULIA_NET_BENCH_PACKAGECOMPILER";

    public IReadOnlyList<int> Sizes { get; init; } = [10, 30, 60];

    /// <summary>The cluster figure's worker counts.</summary>
    public IReadOnlyList<int> Workers { get; init; } = [8, 16];

    public int ClusterRounds { get; init; } = 3;

    /// <summary>--no-cluster: a full run skips the cluster figure.</summary>
    public bool NoCluster { get; init; }

    /// <summary>Measure only the cluster part, on the largest size's worker image, made ready without --force.</summary>
    public bool ClusterOnly { get; init; }

    public int Pairs { get; init; } = 20;

    public int Warmup { get; init; } = 3;

    public bool Quick { get; init; }

    public string BinDirectory { get; init; } = "artifacts/bin";

    public string WorkDirectory { get; init; } = "artifacts/bench";

    /// <summary>--out, or null: <see cref="ReportDirectory"/> chooses.</summary>
    public string? OutDirectory { get; init; }

    /// <summary>Where the report goes: --out, else docs for a full run and the work directory for a launcher-only run (so it never lands in docs).</summary>
    public string ReportDirectory => OutDirectory ?? (LauncherOnly ? WorkDirectory : "docs");

    public string Julia { get; init; } = "julia";

    public bool Help { get; init; }

    /// <summary>Measure only the launcher, on the largest size's image, made ready without --force.</summary>
    public bool LauncherOnly { get; init; }

    /// <summary>Another julia-net whose own time is measured beside this one's, or null.</summary>
    public string? BaselineLauncher { get; init; }

    /// <summary>The environment with PackageCompiler to compare against, or null: no comparison.</summary>
    public PackageCompilerEnvironment? PackageCompiler { get; init; }

    /// <summary>Options win over --quick's defaults whatever their order.</summary>
    /// <param name="packageCompilerVariable">The value of <see cref="PackageCompilerVariable"/> (null or empty: unset); the option wins over it.</param>
    public static BenchOptions Parse(IReadOnlyList<string> args, string? packageCompilerVariable = null)
    {
        var options = args.Contains("--quick") ? new BenchOptions { Quick = true, Sizes = [5, 20], Pairs = 5, Warmup = 1, Workers = [2, 4], ClusterRounds = 1 } : new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new BenchError($"{arg} needs a value");
            options = arg switch
            {
                "--quick" => options,
                "--help" or "-h" => options with { Help = true },
                "--sizes" => options with { Sizes = ParseCounts(arg, Value()) },
                "--workers" => options with { Workers = ParseCounts(arg, Value()) },
                "--cluster-rounds" => options with { ClusterRounds = ParseCount(arg, Value(), min: 1) },
                "--no-cluster" => options with { NoCluster = true },
                "--cluster-only" => options with { ClusterOnly = true },
                "--pairs" => options with { Pairs = ParseCount(arg, Value(), min: 1) },
                "--warmup" => options with { Warmup = ParseCount(arg, Value(), min: 0) },
                "--bin" => options with { BinDirectory = Value() },
                "--work" => options with { WorkDirectory = Value() },
                "--out" => options with { OutDirectory = Value() },
                "--julia" => options with { Julia = Value() },
                "--packagecompiler" => options with { PackageCompiler = new(NonEmpty(arg, Value()), OptionSource.CommandLine) },
                "--launcher-only" => options with { LauncherOnly = true },
                "--baseline-launcher" => options with { BaselineLauncher = NonEmpty(arg, Value()) },
                _ => throw new BenchError($"unknown argument {arg} (see --help)"),
            };
        }

        var only = new[] { ("--launcher-only", options.LauncherOnly), ("--cluster-only", options.ClusterOnly) }.Where(o => o.Item2).Select(o => o.Item1).ToList();
        if (only.Count > 1)
        {
            throw new BenchError($"{only[0]} and {only[1]} exclude each other (run them one after the other)");
        }

        if (only.Count == 1 && options.PackageCompiler is not null)
        {
            throw new BenchError($"--packagecompiler and {only[0]} exclude each other (such a run builds nothing with PackageCompiler)");
        }

        if (options is { ClusterOnly: true, NoCluster: true })
        {
            throw new BenchError("--no-cluster and --cluster-only exclude each other");
        }

        return options.PackageCompiler is null && only.Count == 0 && !string.IsNullOrEmpty(packageCompilerVariable)
            ? options with { PackageCompiler = new(packageCompilerVariable, OptionSource.EnvironmentVariable) }
            : options;
    }

    private static string NonEmpty(string option, string value) =>
        value.Length > 0 ? value : throw new BenchError($"{option} needs a non-empty value");

    private static int[] ParseCounts(string option, string text)
    {
        var counts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => ParseCount(option, s, min: 1)).Distinct().Order().ToArray();
        return counts.Length > 0 ? counts : throw new BenchError($"{option} needs at least one number");
    }

    private static int ParseCount(string option, string text, int min) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new BenchError($"{option}: expected a whole number >= {min}, got '{text}'");
}

/// <summary>Where a choice came from, for the report.</summary>
public enum OptionSource
{
    CommandLine,
    EnvironmentVariable,
}

/// <summary>A Julia environment (a directory with Project.toml and Manifest.toml) where <c>using PackageCompiler</c> works.</summary>
public sealed record PackageCompilerEnvironment(string Directory, OptionSource Source)
{
    /// <summary>How the report names the source: the option or the variable.</summary>
    public string SourceName => Source == OptionSource.CommandLine ? "--packagecompiler" : BenchOptions.PackageCompilerVariable;
}
