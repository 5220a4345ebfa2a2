using System.Globalization;
using System.Text;
using JuliaNet.Bench.Synth;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// Julia projects the image tests build, as files by relative path: hand-written manifests
/// that list only path packages and stdlibs (no registry is reachable here).
/// </summary>
internal static class TestProjects
{
    public const string HelperUuid = "7a1e0000-0000-4000-8000-00000000a001";
    private const string PrintfUuid = "de0858da-6303-5e67-8744-51eddeeeb8d7";
    private const string UnicodeUuid = "4ec0a83e-493e-50e2-b9ac-8f72acf5a8f5";

    public static void Write(string dir, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    /// <summary>
    /// A package project (Project.toml with name and uuid, src/NAME.jl): the benchmark's
    /// synthetic package of <paramref name="types"/> parametric types as the package itself, with a
    /// path dependency Helper and the stdlib Printf, and precompile.jl calling its workload and
    /// testing it with Test, which the project does not list (as a package's test suite would).
    /// </summary>
    public static Dictionary<string, string> PackageProject(int types)
    {
        var name = SynthPackage.Name(types);
        var files = SynthPackage.Sources(types).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        files[$"src/{name}.jl"] = files[$"src/{name}.jl"].Replace("\nexport workload\n", "\nimport Helper\nexport workload\n", StringComparison.Ordinal);
        var project = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Project.toml"] = $"name = \"{name}\"\nuuid = \"{SynthPackage.Uuid(types)}\"\nversion = \"0.1.0\"\n\n[deps]\nHelper = \"{HelperUuid}\"\nPrintf = \"{PrintfUuid}\"\n",
            ["Manifest.toml"] = $"[[Helper]]\npath = \"Helper\"\nuuid = \"{HelperUuid}\"\nversion = \"0.1.0\"\n\n[[Printf]]\ndeps = [\"Unicode\"]\nuuid = \"{PrintfUuid}\"\n\n[[Unicode]]\nuuid = \"{UnicodeUuid}\"\n",
            ["Helper/Project.toml"] = $"name = \"Helper\"\nuuid = \"{HelperUuid}\"\nversion = \"0.1.0\"\n",
            ["Helper/src/Helper.jl"] = "module Helper\nhelp(x) = string(\"help \", x)\nend\n",
            ["precompile.jl"] = $"using {name}\n{name}.workload()\nusing Test\n@test {name}.workload() isa Float64\n",
        };
        return project.Concat(files).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The first lines of a package that has no precompile cache: making one fails (as a
    /// package's failing precompilation does), so Julia loads it from source, in a normal process
    /// and in the image's non-incremental output process alike. (A package that declares
    /// <c>__precompile__(false)</c> cannot go into an image at all: Julia refuses the
    /// declaration in any process that generates output.)
    /// </summary>
    public const string NoCacheGuard =
        "if ccall(:jl_generating_output, Cint, ()) == 1 && Base.JLOptions().incremental == 1\n    throw(Base.PrecompilableError())\nend\n";

    /// <summary>
    /// An environment (no name) with path packages A, B and NoCache: A needs Adep, B needs Bdep,
    /// NoCache cannot be precompiled (<see cref="NoCacheGuard"/>). use.jl calls A and, far more, B.
    /// </summary>
    public static Dictionary<string, string> Environment()
    {
        var packages = new (string Name, string[] Deps, string Body)[]
        {
            ("A", ["Adep"], "using Adep\n" + Functions("a", 2)),
            ("Adep", [], "adep(x) = x + 1\n"),
            ("B", ["Bdep"], "using Bdep\n" + Functions("b", 12)),
            ("Bdep", [], "bdep(x) = x + 2\n"),
            ("NoCache", [], NoCacheGuard + "nocache(x) = x * 3\n"),
        };
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Project.toml"] = "[deps]\n" + string.Concat(new[] { "A", "B", "NoCache" }.Select(n => $"{n} = \"{Uuid(n)}\"\n")),
            ["Manifest.toml"] = string.Concat(packages.Select(p =>
                $"[[{p.Name}]]\n" + (p.Deps.Length > 0 ? $"deps = [{string.Join(", ", p.Deps.Select(d => $"\"{d}\""))}]\n" : "") + $"path = \"{p.Name}\"\nuuid = \"{Uuid(p.Name)}\"\nversion = \"0.1.0\"\n\n")),
            ["use.jl"] = "using A, B, NoCache\n" + Calls("A", "a", 2) + Calls("B", "b", 12) + "NoCache.nocache(1)\n",
        };
        foreach (var (name, deps, body) in packages)
        {
            files[$"{name}/Project.toml"] = $"name = \"{name}\"\nuuid = \"{Uuid(name)}\"\nversion = \"0.1.0\"\n" +
                (deps.Length > 0 ? "\n[deps]\n" + string.Concat(deps.Select(d => $"{d} = \"{Uuid(d)}\"\n")) : "");
            files[$"{name}/src/{name}.jl"] = $"module {name}\n{body}end\n";
        }

        return files;
    }

    /// <summary>An environment (no name) with one path package <paramref name="name"/> whose module holds <paramref name="body"/>.</summary>
    public static Dictionary<string, string> OnePackage(string name, string body) => new(StringComparer.Ordinal)
    {
        ["Project.toml"] = $"[deps]\n{name} = \"{Uuid(name)}\"\n",
        ["Manifest.toml"] = $"[[{name}]]\npath = \"{name}\"\nuuid = \"{Uuid(name)}\"\nversion = \"0.1.0\"\n",
        [$"{name}/Project.toml"] = $"name = \"{name}\"\nuuid = \"{Uuid(name)}\"\nversion = \"0.1.0\"\n",
        [$"{name}/src/{name}.jl"] = $"module {name}\nexport {body.Split('(')[0]}\n{body}end\n",
    };

    /// <summary>A project whose package overwrites one of its own methods while it loads (from source: it has no cache, <see cref="NoCacheGuard"/>).</summary>
    public static Dictionary<string, string> Overwriter() => new(StringComparer.Ordinal)
    {
        ["Project.toml"] = $"[deps]\nOverwriter = \"{Uuid("Overwriter")}\"\n",
        ["Manifest.toml"] = $"[[Overwriter]]\npath = \"Overwriter\"\nuuid = \"{Uuid("Overwriter")}\"\nversion = \"0.1.0\"\n",
        ["Overwriter/Project.toml"] = $"name = \"Overwriter\"\nuuid = \"{Uuid("Overwriter")}\"\nversion = \"0.1.0\"\n",
        ["Overwriter/src/Overwriter.jl"] = "module Overwriter\n" + NoCacheGuard + "answer() = 1\nanswer() = 2\nend\n",
    };

    private static string Uuid(string name) =>
        $"7a1e0000-0000-4000-8000-{Convert.ToHexStringLower(Encoding.UTF8.GetBytes(name.PadRight(6, '_')[..6]))}";

    private static string Functions(string prefix, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}(x::T) where {{T}} = (x, string(x), T[x, x + {i}])\n")));

    private static string Calls(string module, string prefix, int count) =>
        string.Concat(Enumerable.Range(1, count).SelectMany(i => new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"{module}.{prefix}{i}(1)\n"),
            string.Create(CultureInfo.InvariantCulture, $"{module}.{prefix}{i}(1.0)\n"),
        }));
}
