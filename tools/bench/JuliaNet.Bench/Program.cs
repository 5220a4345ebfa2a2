using JuliaNet.Bench;
using JuliaNet.Bench.Report;
using JuliaNet.Bench.Running;

// julia-net-bench: measures julia-net and julia-sysimage and writes the measured Julia's section of docs/benchmarks.md
// (with --launcher-only: the launcher alone, into launcher.md; with --cluster-only: only the cluster part of that section).
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
    else if (options.ClusterOnly)
    {
        // Only the cluster part of the measured Julia's section of benchmarks.md.
        var run = await new Suite(options).RunClusterOnly();
        var block = ClusterSection.Render(run);
        var page = Path.Combine(ReportDirectory(), "benchmarks.md");
        var release = BenchmarkPage.Release(run.Machine.Julia);
        File.WriteAllText(page, BenchmarkPage.MergeCluster(File.Exists(page) ? File.ReadAllText(page) : null, release, run.Machine.Julia, block));
        Console.WriteLine();
        Console.WriteLine(block);
        Console.WriteLine($"bench: wrote the cluster part of the Julia {release} section of {page} in {Format.Seconds(watch.Elapsed.TotalSeconds)}");
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
