using System.Runtime.InteropServices;
using JuliaNet.Building;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Runtime;
using Serilog;

namespace JuliaNet.Sysimage;

/// <summary>
/// A build, end to end: plan and validate, check whether the image is up to date, then
/// precompile, trace, generate the object, link, verify, write the metadata, then move the
/// image and its metadata onto OUTPUT. The build directory is private and beside OUTPUT (same
/// file system, so each move is a rename); it is removed on success and on interruption, and
/// kept with its log when a step fails.
/// </summary>
internal static class BuildCommand
{
    public static int Run(SysimageOptions options)
    {
        var context = ProcessContext.Read([]);
        var log = ToolLog.Create("julia-sysimage", options.Debug);
        var plan = new BuildPlanner(RealFileProbe.Instance).Plan(options, context, ToolVersion.Current);
        var cacheRoot = CacheLayout.Root(context);
        var julia = new JuliaInfoStore(cacheRoot, context.Environment, log).Get(plan.Julia);
        var version = julia.Version;
        var baseImage = plan.BaseSysimage ?? julia.DefaultImage;
        var (hash, inputs) = InputsHasher.Hash(plan, baseImage, version);
        var progress = new Progress(options.Quiet, plan.Scripts.Count > 0 ? 5 : 4);
        using var buildLock = BuildLock.Acquire(plan.Output, progress.Line);
        if (!options.Force && UpToDate(plan, hash))
        {
            progress.Line($"julia-sysimage: {plan.Output} is up to date (use --force to rebuild)");
            return ExitCodes.Success;
        }

        using var cancel = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; cancel.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cancel.Cancel(); });
        var buildDir = CreateBuildDirectory(plan.Output);
        var keep = options.KeepBuildDir;
        try
        {
            var stats = context.Env("JULIA_NET_STEP_STATS") is { } file ? Path.GetFullPath(file, context.WorkingDirectory) : null;
            var runner = new StepRunner(Path.Combine(buildDir, "build.log"), log, cancel.Token, stats);
            progress.Line($"julia-sysimage: building {plan.Output} with Julia {version} (log: {runner.LogPath})");
            var depots = DepotLayout.UserDepots(context, julia, cacheRoot);
            var image = Build(plan, julia, depots, baseImage, buildDir, runner, progress, context);
            var size = new FileInfo(image).Length;
            var metadata = Path.Combine(buildDir, "image.json"); // written before anything moves: a full disk leaves OUTPUT as it was
            AtomicFile.WriteNew(metadata, ImageMetadataReader.Serialize(new ImageMetadata
            {
                Julia = plan.Julia, JuliaVersion = version, Launcher = plan.Launcher,
                Packages = plan.Packages.Select(p => new ImagePackage(p.Name, p.Uuid, p.Version)).ToArray(),
                CpuTarget = plan.CpuTarget, BaseImage = baseImage, InputsHash = hash, Inputs = inputs,
                ToolVersion = ToolVersion.Current, BuildTime = DateTimeOffset.UtcNow,
            }));
            File.Move(image, plan.Output, overwrite: true);
            File.Move(metadata, plan.MetadataPath, overwrite: true);
            progress.Line($"julia-sysimage: wrote {plan.Output} ({size / 1024.0 / 1024.0:0.0} MB) in {Progress.Format(progress.Elapsed)}");
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            keep = false;
            throw new UserError(ExitCodes.Interrupted, $"interrupted; {plan.Output} is unchanged");
        }
        catch (UserError)
        {
            keep = true; // the log is in the build directory, whose path the error names
            DeleteQuietly(Path.Combine(buildDir, "sys-o.a"));
            DeleteQuietly(Path.Combine(buildDir, ImageName(plan)));
            throw;
        }
        catch (IOException e)
        {
            keep = false; // the build's own files (scripts, parameters, metadata) could not be written: a full disk, say
            throw new UserError(ExitCodes.BuildFailed, $"cannot write the build directory: {e.Message}; {plan.Output} is unchanged");
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(buildDir, recursive: true);
            }
        }
    }

    /// <param name="depots">The user's depots (as plain julia would use them here), after the build's own.</param>
    private static string Build(BuildPlan plan, JuliaInfo julia, IReadOnlyList<string> depots, string baseImage, string buildDir, StepRunner runner, Progress progress, LaunchContext context)
    {
        var libraries = julia.Libraries
            ?? throw new UserError(ExitCodes.JuliaNotUsable, $"julia {plan.Julia} did not report its libraries (libjulia is not among its loaded libraries)");
        var scripts = Directory.CreateDirectory(Path.Combine(buildDir, "scripts")).FullName;
        foreach (var name in new[] { "params.jl", "precompile.jl", "trace.jl", "build_image.jl", "verify.jl" })
        {
            File.WriteAllText(Path.Combine(scripts, name), EmbeddedJulia.Read(typeof(BuildCommand).Assembly, name));
        }

        var trace = Path.Combine(buildDir, "trace.txt");
        var report = Path.Combine(buildDir, "report.txt");
        var archive = Path.Combine(buildDir, "sys-o.a");
        var image = Path.Combine(buildDir, ImageName(plan));
        var paramsFile = Path.Combine(buildDir, "params.txt");
        File.WriteAllText(paramsFile, BuildParams.Write(plan, julia.Stdlib, plan.Scripts.Count > 0 ? trace : null, report, Path.Combine(buildDir, "failed-statements.txt")));

        var windows = context.Platform == Platform.Windows;
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["JULIA_NET_BUILD_PARAMS"] = paramsFile,
            ["JULIA_DEPOT_PATH"] = PathList.Join([Path.Combine(buildDir, "depot"), .. depots], windows),
            ["JULIA_LOAD_PATH"] = PathList.Join(["@", "@stdlib"], windows),
            ["JULIA_PROJECT"] = plan.Project?.Directory,
            ["JULIA_CPU_TARGET"] = null,
            ["JULIA_NET_LAUNCHER"] = null,
        };
        List<string> common = ["--startup-file=no", "--color=no", "--sysimage=" + baseImage];
        if (plan.Project is not null)
        {
            common.Add("--project=" + plan.Project.Directory);
        }

        progress.Step("precompile packages", () => runner.Run("precompile", plan.Julia, [.. common, Path.Combine(scripts, "precompile.jl")], env));
        if (plan.Scripts.Count > 0)
        {
            progress.Step("record precompile statements", () => runner.Run("trace", plan.Julia, [.. common, "--compile=all", "--trace-compile=" + trace, Path.Combine(scripts, "trace.jl")], env));
        }

        var objectEnv = new Dictionary<string, string?>(env) { ["JULIA_NUM_THREADS"] = "1" };
        progress.Step("generate image object (about 2 minutes)", () =>
        {
            runner.Run("object", plan.Julia, [.. common, "--cpu-target=" + plan.CpuTarget, "--output-o=" + archive, Path.Combine(scripts, "build_image.jl")], objectEnv);
            var lines = File.Exists(report) ? File.ReadAllLines(report) : [];
            if (!File.Exists(archive) || lines.LastOrDefault() != "status=ok")
            {
                var error = lines.LastOrDefault(l => l.StartsWith("error=", StringComparison.Ordinal)) ?? "no object written";
                throw new UserError(ExitCodes.BuildFailed, $"object: {error} (log: {runner.LogPath})");
            }

            var failed = lines.Where(l => l.StartsWith("statements_failed=", StringComparison.Ordinal)).Select(l => l["statements_failed=".Length..]).LastOrDefault();
            var ok = lines.Where(l => l.StartsWith("statements_succeeded=", StringComparison.Ordinal)).Select(l => l["statements_succeeded=".Length..]).LastOrDefault();
            if (ok is not null || failed is not null)
            {
                progress.Line($"  precompile statements: {ok ?? "0"} replayed, {failed ?? "0"} failed (skipped)");
            }
        });

        var linkArgs = LinkCommand.Arguments(
            context.Platform, RuntimeInformation.OSArchitecture, julia.Version, libraries, archive, image, Path.GetFileName(plan.Output), RealFileProbe.Instance);
        progress.Step("link", () => runner.Run("link", plan.Compiler, linkArgs));
        progress.Step("verify", () => runner.Run("verify", plan.Julia, ["--startup-file=no", "--color=no", "-J" + image, Path.Combine(scripts, "verify.jl")], new Dictionary<string, string?>(env) { ["JULIA_DEPOT_PATH"] = null }));
        return image;
    }

    private static bool UpToDate(BuildPlan plan, string hash)
    {
        if (!File.Exists(plan.Output) || !File.Exists(plan.MetadataPath))
        {
            return false;
        }

        try
        {
            return ImageMetadataReader.Parse(File.ReadAllText(plan.MetadataPath), plan.MetadataPath).InputsHash == hash;
        }
        catch (UserError)
        {
            return false;
        }
    }

    private static string CreateBuildDirectory(string output)
    {
        var dir = Path.Combine(Path.GetDirectoryName(output)!, ".julia-sysimage-" + Path.GetFileName(output) + "-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            PrivateDirectory.Create(dir);
            return dir;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(ExitCodes.OutputInvalid, $"cannot write in the directory of OUTPUT: {Path.GetDirectoryName(output)} ({e.Message})");
        }
    }

    private static string ImageName(BuildPlan plan) => "image" + Path.GetExtension(plan.Output);

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
