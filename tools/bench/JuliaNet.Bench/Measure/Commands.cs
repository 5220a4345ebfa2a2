using JuliaNet.Paths;

namespace JuliaNet.Bench.Measure;

/// <summary>A process to run: program, argument list (no shell) and extra environment variables.</summary>
public sealed record Cmd(string Program, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string>? Env = null)
{
    /// <summary>How the command reads in a shell, for the report and error messages.</summary>
    public string Display => string.Join(' ', (Env ?? new Dictionary<string, string>()).Select(e => $"{e.Key}={ShellWords.Quote(e.Value)}").Append(Program).Concat(Args.Select(ShellWords.Quote)));
}

/// <summary>The programs measured: absolute paths when running, bare names in the report.</summary>
public sealed record Tools(string Julia, string JuliaNet, string JuliaSysimage)
{
    public static readonly Tools Names = new("julia", "julia-net", "julia-sysimage");
}

/// <summary>
/// Every command the suite measures, built once for running (real paths) and once for the
/// report (<c>P</c> for a package's project, <c>IMG</c> for its image), so the two agree.
/// </summary>
public static class Commands
{
    public static Cmd BareStart(Tools t) => new(t.Julia, ["-e", "0"]);

    /// <param name="explicitJulia">Name the Julia (<c>--julia</c>) instead of taking the one the image's metadata records.</param>
    public static Cmd LauncherShim(Tools t, string image, bool explicitJulia = false) =>
        new(t.JuliaNet, [.. explicitJulia ? new[] { "--julia", t.Julia } : [], "--sysimage", image, "-e", "0"]);

    public static Cmd LauncherDirect(Tools t, string image) => new(t.Julia, ["-Cnative", "-J", image, "-e", "0"]);

    /// <summary>The juliaup channel every benchmark process can see (JULIAUP_DEPOT_PATH points at the suite's own juliaup.json).</summary>
    public const string JuliaupChannel = "bench";

    /// <summary>julia-net resolving Julia from juliaup.json (channel <see cref="JuliaupChannel"/>): the overhead juliaup users pay.</summary>
    public static Cmd LauncherJuliaup(Tools t, string image) => new(t.JuliaNet, ["+" + JuliaupChannel, "--sysimage", image, "-e", "0"]);

    /// <summary>The workload of the issue: load the package and call workload() once.</summary>
    public static string Workload(string package) => $"using {package}; {package}.workload()";

    /// <summary>The workload, printing its checksum (not timed: printing a Float64 compiles code of its own).</summary>
    public static string PrintChecksum(string package) => $"using {package}; print({package}.workload())";

    public static Cmd WithoutImage(Tools t, string project, string expression) => new(t.Julia, ["--project=" + project, "-e", expression]);

    public static Cmd WithImage(Tools t, string project, string image, string expression) =>
        new(t.JuliaNet, ["--sysimage", image, "--project=" + project, "-e", expression]);

    public static Cmd WarmRun(Tools t, string project) => new(t.Julia, ["--project=" + project, Path.Combine(project, "warm.jl")]);

    /// <param name="stats">Where julia-sysimage appends each step's wall time and peak memory (null: no GNU time around the steps).</param>
    public static Cmd Build(Tools t, string project, string image, string? stats) =>
        new(t.JuliaSysimage, ["--force", .. BuildArgs(t, project, image)], stats is null ? null : new Dictionary<string, string> { ["JULIA_NET_STEP_STATS"] = stats });

    public static Cmd NoOpBuild(Tools t, string project, string image) => new(t.JuliaSysimage, BuildArgs(t, project, image));

    private static string[] BuildArgs(Tools t, string project, string image) =>
        ["--julia", t.Julia, "--project", project, "--script", Path.Combine(project, "precompile.jl"), image];
}
