using System.Reflection;
using System.Runtime.InteropServices;
using CliWrap;
using CliWrap.Buffered;

namespace JuliaNet.Bench.Running;

/// <summary>
/// The empty Native AOT program (tools/bench/EmptyAot: <c>Main() => 0</c>, julia-net's runtime
/// settings), published once per run into the work directory, so julia-net's own time can be
/// given as a ratio to the start and exit of a Native AOT process measured in the same rounds.
/// </summary>
public static class EmptyProgram
{
    /// <summary>The published program's file name (the project's AssemblyName).</summary>
    public const string FileName = "empty-aot";

    /// <summary>Publishes the program for this machine's RID into WORK/empty-aot; returns its path.</summary>
    public static async Task<string> Publish(string work)
    {
        var project = Project();
        var output = Path.Combine(work, FileName);
        var rid = RuntimeInformation.RuntimeIdentifier;
        // The dotnet that runs the suite under `dotnet run`, else the one on PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        string[] args = ["publish", project, "-c", "Release", "-r", rid, "-o", output, "--nologo"];
        Console.WriteLine($"bench: publishing the empty Native AOT program ({project}, {rid}) into {output}");
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(dotnet).WithArguments(args).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            throw new BenchError($"cannot start {dotnet}: {e.Message}");
        }

        var program = Path.Combine(output, FileName);
        if (result.ExitCode != 0 || !File.Exists(program))
        {
            var errors = (result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var last = errors.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? errors.LastOrDefault() ?? "no output";
            throw new BenchError($"dotnet publish of {project} failed with exit code {result.ExitCode}: {last}");
        }

        return program;
    }

    /// <summary>The project's path, recorded in the suite's assembly at build time (so any working directory does).</summary>
    private static string Project()
    {
        var path = typeof(EmptyProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "EmptyAotProject")?.Value
            ?? throw new BenchError("the suite was built without the EmptyAotProject metadata (see JuliaNet.Bench.csproj)");
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? full : throw new BenchError($"no empty Native AOT project at {full}");
    }
}
