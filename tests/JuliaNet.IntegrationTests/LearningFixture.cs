using System.Text.RegularExpressions;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// Issue 31's whole cycle, once per test run, as a user with learning on gets it: a project with
/// no precompile script; one run of its script through julia-net on Julia's default image (it
/// learns); the project image built by julia-sysimage without OUTPUT (it replays what was
/// learned); status; a second run of the same script, on that image.
/// </summary>
public sealed partial class LearningFixture : IDisposable
{
    public LearningFixture()
    {
        Tools = new Tools();
        Project = Path.Combine(Tools.Root, "learner");
        TestProjects.Write(Project, Learning.Project());
        var script = Path.Combine(Project, "use.jl");
        Environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["JULIA_NET_LEARN"] = "1", ["JULIA_NET_STALE"] = "warn" };
        PlainRun = Tools.RunJulia(["--startup-file=no", "--project=" + Project, script], Environment);
        FirstRun = Tools.RunLauncher(["--startup-file=no", "--project=" + Project, script], Environment);
        Build = Tools.BuildImage(["--project", Project], Environment);
        Image = Wrote().Match(Build.StandardError) is { Success: true } m ? m.Groups["image"].Value : "";
        Store = Path.Combine(Path.GetDirectoryName(Image) ?? "", "." + Path.GetFileName(Image) + ".learned");
        Learned = File.Exists(Path.Combine(Store, "learned.jl")) ? File.ReadAllLines(Path.Combine(Store, "learned.jl")) : [];
        Status = Tools.Run(Tools.Sysimage, ["status", "--project", Project, "--json"], Environment);
        SecondRun = Tools.RunLauncher(["--startup-file=no", "--project=" + Project, script], Environment);
        SecondTrace = Learning.RunFiles(Store).SelectMany(File.ReadAllLines).ToArray();
    }

    public Tools Tools { get; }

    public string Project { get; }

    /// <summary>Learning on; warn mode, so that no background build starts behind the specs' backs.</summary>
    public Dictionary<string, string?> Environment { get; }

    public BufferedCommandResult PlainRun { get; }

    public BufferedCommandResult FirstRun { get; }

    public BufferedCommandResult Build { get; }

    public string Image { get; }

    /// <summary>The project image's learned store.</summary>
    public string Store { get; }

    /// <summary>learned.jl as the build left it.</summary>
    public string[] Learned { get; }

    public BufferedCommandResult Status { get; }

    public BufferedCommandResult SecondRun { get; }

    /// <summary>What the second run (on the image) traced.</summary>
    public string[] SecondTrace { get; }

    [GeneratedRegex(@"^julia-sysimage: wrote (?<image>.+) \([0-9.]+ MB\) in ", RegexOptions.Multiline)]
    private static partial Regex Wrote();

    public void Dispose() => Tools.Dispose();
}

/// <summary>The projects and files of the learning specs.</summary>
internal static class Learning
{
    public const int Functions = 12;

    /// <summary>The trace line of <c>Lrn.h("s")</c>: more than one method matches it (PackageCompiler skips such a statement).</summary>
    public const string MultiMethodStatement = "precompile(Tuple{typeof(Lrn.h), Any})";

    /// <summary>
    /// An environment with one path package, Lrn (generic functions f1..f12, and <c>g</c>, which
    /// takes anything and does work: a method whose result inference can fold to a constant is
    /// never compiled on 1.12, so never traced), and use.jl: calls of each f with three argument types, and a closure of
    /// its own, whose generated type no image can have (a statement that cannot be replayed).
    /// Lrn's <c>h</c> has two methods, one of them <c>@nospecialize</c>: its call traces
    /// <see cref="MultiMethodStatement"/>, a signature that both methods match.
    /// </summary>
    public static Dictionary<string, string> Project()
    {
        var files = TestProjects.OnePackage("Lrn", "g(x) = (x, string(x), [x])\n" +
            "h(@nospecialize(x)) = (x, string(x), 1)\nh(x::Int) = x + 1\n" +
            string.Concat(Enumerable.Range(1, Functions).Select(i => $"f{i}(x::T) where {{T}} = (x, string(x), T[x, x + {i}])\n")));
        files["use.jl"] = "using Lrn\n" + string.Concat(Enumerable.Range(1, Functions).Select(i => $"Lrn.f{i}(1); Lrn.f{i}(1.0); Lrn.f{i}(Int8(1))\n")) +
            "Lrn.h(\"s\")\nadd = let k = 3; x -> x + k end\nprintln(add(1))\nprintln(sum(Lrn.f3(2)[3]))\n";
        return files;
    }

    /// <summary>The run files in a store (runs not merged yet).</summary>
    public static IEnumerable<string> RunFiles(string store) =>
        Directory.Exists(store) ? Directory.EnumerateFiles(store, "run-*.jl") : [];
}

[CollectionDefinition(Name)]
public sealed class LearningCollection : ICollectionFixture<LearningFixture>
{
    public const string Name = "learning";
}
