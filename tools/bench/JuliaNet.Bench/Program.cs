using JuliaNet.Bench;
using JuliaNet.Bench.Report;
using JuliaNet.Bench.Running;

// julia-net-bench: measures julia-net and julia-sysimage and writes the measured Julia's section of docs/benchmarks.md
// (with --launcher-only: the launcher alone, into launcher.md).
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
    string ReportDirectory() => Directory.CreateDirectory(Path.GetFullPath(options.ReportDirectory)).FullName;
    if (options.LauncherOnly)
    {
        // Never docs/benchmarks.md: its sections are a full run's.
        var report = LauncherReport.Render(await new Suite(options).RunLauncherOnly());
        var outDir = ReportDirectory();
        var file = Path.Combine(outDir, LauncherReport.FileName);
        File.WriteAllText(file, report);
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"bench: wrote {file} in {Format.Seconds(watch.Elapsed.TotalSeconds)}");
    }
    else
    {
        var results = await new Suite(options).Run();
        var outDir = ReportDirectory();
        var release = BenchmarkPage.Release(results.Machine.Julia);
        var chart = BenchmarkPage.ChartFile(release);
        var report = MarkdownReport.Render(results, chart);
        var page = Path.Combine(outDir, "benchmarks.md");
        var merged = BenchmarkPage.Merge(File.Exists(page) ? File.ReadAllText(page) : null, release, results.Machine.Julia, report);
        File.WriteAllText(Path.Combine(outDir, chart), BenchChart.Render(results));
        File.WriteAllText(page, merged);
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"bench: wrote the Julia {release} section of {page} and {chart} in {Format.Seconds(watch.Elapsed.TotalSeconds)}");
    }

    return 0;
}
catch (BenchError e)
{
    Console.Error.WriteLine("bench: error: " + e.Message.ReplaceLineEndings(" "));
    return 1;
}
