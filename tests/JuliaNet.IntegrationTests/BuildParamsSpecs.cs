using System.Reflection;
using System.Text;
using JuliaNet.Building;
using JuliaNet.Processes;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// The params file between julia-sysimage and its build scripts: what the C# writer
/// (<see cref="BuildParams"/>) writes, the real Julia reads back with params.jl (the file
/// julia-sysimage embeds) unchanged, value by value and byte by byte. No image is built.
/// </summary>
[Collection(ToolsCollection.Name)]
public sealed class BuildParamsSpecs(Tools tools)
{
    /// <summary>What a path or a name can hold that a line-based, escaped format could lose.</summary>
    private static readonly string[] Hostile =
    [
        "/home/\"double\" 'single' `back`/x",
        @"C:\dir\new\table\x41\u0041\e\0\$ trailing\",
        @"\\two\\",
        "line one\nline two\r\nline three\r",
        "\rleading return",
        "ünïcødé/日本語/🎉/\u2028/\u00a0",
        "$HOME $(rm -rf /) ${x} $$",
        "key=value==",
        "#not a comment",
        "  padded with spaces  ",
        "tab\there\u0001",
        "",
    ];

    [Fact]
    public void Read_EveryKeyWithHostileValues_ComesBackUnchanged()
    {
        var root = Path.Combine(tools.Root, "build \"dir\"\n$x\\ü");
        var dir = new BuildDirectory(root, ".so");
        var plan = Plan(Hostile[0] + "/julia-net") with
        {
            Strict = true,
            ForWorkers = true,
            Packages = [new("Ünïcode", "7876af07-990d-54b4-ab0e-23690620f79a", null, null), new("Example", "7876af07-990d-54b4-ab0e-23690620f79b", null, null)],
            Dependencies = [new("Dep", "00000000-0000-0000-0000-000000000001", null, null)],
            Scripts = Hostile,
            PrecompileStatements = [.. Hostile.Reverse()],
        };
        var stdlib = Hostile[1];

        var read = ReadBack(BuildParams.Write(plan, stdlib, dir, Hostile[3], Hostile[5]));

        Assert.Equal(KeysWritten(), read.Keys.Order());
        Assert.Equal([Hostile[3]], read.GetValueOrDefault(BuildParamKeys.Report, NotRead));
        Assert.Equal([Hostile[5]], read.GetValueOrDefault(BuildParamKeys.FailedStatements, NotRead));
        Assert.Equal([plan.Launcher], read.GetValueOrDefault(BuildParamKeys.Launcher, NotRead));
        Assert.Equal([ObjectStepSummary.StatementWarningPercent.ToString(System.Globalization.CultureInfo.InvariantCulture)], read.GetValueOrDefault(BuildParamKeys.StrictMaxFailedPercent, NotRead));
        Assert.Equal([stdlib], read.GetValueOrDefault(BuildParamKeys.Stdlib, NotRead));
        Assert.Equal(plan.Packages.Select(p => $"{p.Name} {p.Uuid}"), read.GetValueOrDefault(BuildParamKeys.Package, NotRead));
        Assert.Equal(plan.Dependencies.Select(p => $"{p.Name} {p.Uuid}"), read.GetValueOrDefault(BuildParamKeys.Dependency, NotRead));
        Assert.Equal(Hostile, read.GetValueOrDefault(BuildParamKeys.Script, NotRead));
        Assert.Equal([.. plan.PrecompileStatements, dir.Trace], read.GetValueOrDefault(BuildParamKeys.Statements, NotRead));
        Assert.Equal([dir.ScriptModules], read.GetValueOrDefault(BuildParamKeys.ScriptModules, NotRead));
        Assert.Equal(["yes"], read.GetValueOrDefault(BuildParamKeys.Workers, NotRead));
        Assert.Equal(dir.WorkerTraces, read.GetValueOrDefault(BuildParamKeys.WorkerStatements, NotRead));
    }

    [Fact]
    public void Read_NothingOptionalAndAnEmptyLauncher_GivesNothingAndEmptyLists()
    {
        var read = ReadBack(BuildParams.Write(Plan(launcher: ""), stdlib: null, traced: null, "/r", "/f"));

        Assert.Equal(KeysWritten(), read.Keys.Order());
        Assert.Equal([""], read.GetValueOrDefault(BuildParamKeys.Launcher, NotRead));
        foreach (var key in new[] { BuildParamKeys.StrictMaxFailedPercent, BuildParamKeys.Stdlib, BuildParamKeys.ScriptModules, BuildParamKeys.Workers })
        {
            Assert.Equal(Nothing, read.GetValueOrDefault(key, NotRead));
        }

        foreach (var key in new[] { BuildParamKeys.Package, BuildParamKeys.Dependency, BuildParamKeys.Script, BuildParamKeys.Statements, BuildParamKeys.WorkerStatements })
        {
            Assert.Empty(read.GetValueOrDefault(key, NotRead));
        }
    }

    [Fact]
    public void Read_AKeyParamsJlDoesNotKnow_Fails()
    {
        var result = Run(BuildParams.Write(Plan("/l"), null, null, "/r", "/f") + "surprise=1\n");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unknown key surprise", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>A key params.jl gave no field.</summary>
    private static readonly string[] NotRead = ["(params.jl has no such field)"];

    /// <summary>A field that is <c>nothing</c> (an absent one-value key).</summary>
    private static readonly string[] Nothing = ["(nothing)"];

    private static BuildPlan Plan(string launcher) => new()
    {
        Output = "/out/sys.so", Project = null, Packages = [], Scripts = [], PrecompileStatements = [], BaseSysimage = null,
        Julia = "/usr/bin/julia", Launcher = launcher, CpuTarget = "native", Compiler = "cc", Inputs = [], Values = new Dictionary<string, string>(),
    };

    /// <summary>Every key the C# side names: params.jl must give each one a field.</summary>
    private static IEnumerable<string> KeysWritten() =>
        typeof(BuildParamKeys).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).Order();

    /// <summary>params.jl's fields and their values (<see cref="Nothing"/> for <c>nothing</c>).</summary>
    private Dictionary<string, string[]> ReadBack(string paramsText)
    {
        var result = Run(paramsText);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t', 2)).ToDictionary(
            parts => parts[0],
            parts => parts[1] == "nothing" ? Nothing : parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Decode).ToArray());
    }

    private static string Decode(string word) => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromHexString(word[1..]));

    private CliWrap.Buffered.BufferedCommandResult Run(string paramsText)
    {
        var file = Path.Combine(tools.NewDir("params"), "params.txt");
        File.WriteAllText(file, paramsText);
        var paramsJl = Path.Combine(Tools.RepoRoot(), "src", "JuliaNet.Sysimage", "Julia", "params.jl");
        return tools.RunJulia(
            ["--startup-file=no", Path.Combine(tools.FixturesDir, "print_params.jl"), paramsJl],
            new Dictionary<string, string?> { [EnvironmentVariables.BuildParams] = file });
    }
}
