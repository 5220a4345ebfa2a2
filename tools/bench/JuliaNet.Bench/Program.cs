using JuliaNet.Bench;
using JuliaNet.Bench.Report;
using JuliaNet.Bench.Running;

// julia-net-bench: measures julia-net and julia-sysimage and writes docs/benchmarks.md.
// Run from the repository root through `dotnet cake --target=Bench` (which publishes the tools first).
try
{
    var options = BenchOptions.Parse(args, Environment.GetEnvironmentVariable(BenchOptions.PackageCompilerVariable));
    if (options.Help)
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }

    var watch = System.Diagnostics.Stopwatch.StartNew();
    var results = await new Suite(options).Run();
    var outDir = Directory.CreateDirectory(Path.GetFullPath(options.OutDirectory)).FullName;
    const string chart = "benchmarks-chart.svg";
    var report = MarkdownReport.Render(results, chart);
    File.WriteAllText(Path.Combine(outDir, "benchmarks.md"), report);
    File.WriteAllText(Path.Combine(outDir, chart), BenchChart.Render(results));
    Console.WriteLine();
    Console.WriteLine(report);
    Console.WriteLine($"bench: wrote {Path.Combine(outDir, "benchmarks.md")} and {chart} in {Format.Seconds(watch.Elapsed.TotalSeconds)}");
    return 0;
}
catch (BenchError e)
{
    Console.Error.WriteLine("bench: error: " + e.Message.ReplaceLineEndings(" "));
    return 1;
}
