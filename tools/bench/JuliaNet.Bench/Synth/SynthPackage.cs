using System.Globalization;
using System.Text;

namespace JuliaNet.Bench.Synth;

/// <summary>
/// A synthetic Julia package <c>Synth{N}</c> with N parametric structs and
/// <see cref="FunctionsPerType"/> functions per struct, each with code of its own (broadcasting,
/// string interpolation, a Dict, a closure passed to map, sorting), so a first call compiles
/// a lot. <c>workload()</c> calls every function for two element types and returns a checksum.
/// Also the project around it (Project.toml, Manifest.toml with the package by path),
/// the workload script (precompile.jl, also julia-sysimage's --script), and warm.jl, which
/// prints the workload's run time once compiled.
/// </summary>
public static class SynthPackage
{
    public const int FunctionsPerType = 5;

    private static readonly string[] ElementTypes = ["Int", "Float64"];

    public static string Name(int types) => "Synth" + types.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fixed UUID per size, so the same size always gives the same package.</summary>
    public static string Uuid(int types) => $"5e1f7a00-0b3c-4d6e-8f00-{types:x12}";

    private static string ProjectUuid(int types) => $"5e1f7a01-0b3c-4d6e-8f00-{types:x12}";

    /// <summary>The project's files, by path relative to the project directory.</summary>
    public static IReadOnlyDictionary<string, string> Files(int types)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(types, 1);
        var name = Name(types);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Project.toml"] = $"name = \"{name}Bench\"\nuuid = \"{ProjectUuid(types)}\"\n\n[deps]\n{name} = \"{Uuid(types)}\"\n",
            ["Manifest.toml"] = $"# This file is machine-generated - editing it directly is not advised\n\n[[{name}]]\npath = \"{name}\"\nuuid = \"{Uuid(types)}\"\nversion = \"0.1.0\"\n",
            [$"{name}/Project.toml"] = $"name = \"{name}\"\nuuid = \"{Uuid(types)}\"\nversion = \"0.1.0\"\n",
            ["precompile.jl"] = $"# The workload, as a julia-sysimage --script: top-level calls record workload() and all it compiles.\nusing {name}\n{name}.workload()\n",
            ["warm.jl"] = $"# The workload's own run time once compiled: the median of 9 calls after the first, in seconds.\nusing {name}\n{name}.workload()\ntimes = sort([@elapsed({name}.workload()) for _ in 1:9])\nprintln(times[5])\n",
        };
        foreach (var (path, text) in Sources(types))
        {
            files[$"{name}/{path}"] = text;
        }

        return files;
    }

    /// <summary>
    /// An environment that is not a package itself (no name or UUID), with the package by
    /// absolute path: the project of the comparison with PackageCompiler, whose
    /// <c>Pkg.precompile()</c> would try to precompile a project with a name as a package too
    /// and fail on its missing source file.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment(int types, string packageDirectory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(types, 1);
        var name = Name(types);
        var path = packageDirectory.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Project.toml"] = $"[deps]\n{name} = \"{Uuid(types)}\"\n",
            ["Manifest.toml"] = $"# Written by tools/bench (JuliaNet.Bench).\nmanifest_format = \"2.0\"\n\n[[deps.{name}]]\npath = \"{path}\"\nuuid = \"{Uuid(types)}\"\nversion = \"0.1.0\"\n",
        };
    }

    /// <summary>
    /// The package's source files, by path relative to the package directory, laid out as real
    /// packages are (many small files): <c>src/NAME.jl</c> includes, per type, a directory of
    /// <see cref="PartsPerType"/> files (the struct, each function, its run function). So the
    /// largest size has several hundred source files for julia-net's stale check to watch.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Sources(int types)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(types, 1);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal) { [$"src/{Name(types)}.jl"] = Module(types) };
        for (var i = 1; i <= types; i++)
        {
            foreach (var (part, text) in TypeParts(i))
            {
                sources[$"src/S{i}/{part}.jl"] = text;
            }
        }

        return sources;
    }

    /// <summary>The files of one type's directory, in the order the module includes them.</summary>
    public static readonly IReadOnlyList<string> Parts = ["type", "scale", "label", "index", "rank", "summary", "run"];

    public static int PartsPerType => Parts.Count;

    /// <summary>The main file: the module, the includes of every type's files, and workload().</summary>
    public static string Module(int types)
    {
        var name = Name(types);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Generated by tools/bench (JuliaNet.Bench): {types} types, {types * FunctionsPerType} functions.\nmodule {name}\n\nexport workload\n\n");
        for (var i = 1; i <= types; i++)
        {
            foreach (var part in Parts)
            {
                text.Append(CultureInfo.InvariantCulture, $"include(\"S{i}/{part}.jl\")\n");
            }
        }

        text.Append("\n\"Calls every function of the package for Int and Float64 elements; returns a checksum.\"\nfunction workload()\n    total = 0.0\n");
        for (var i = 1; i <= types; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    total += run{i}()\n");
        }

        text.Append("    return total\nend\n\nend # module\n");
        return text.ToString();
    }

    /// <summary>One struct, its functions, and run{i}() calling them for each element type, a file each.</summary>
    private static IEnumerable<(string Part, string Text)> TypeParts(int i)
    {
        var length = 4 + (i % 5);
        var shift = 1 + (i % 7);
        var calls = string.Join(" + ", ElementTypes.Select(t => $"summary{i}(S{i}({t}))"));
        yield return ("type", $$"""
            struct S{{i}}{T<:Real}
                x::T
                v::Vector{T}
                name::String
            end

            S{{i}}(::Type{T}) where {T} = S{{i}}{T}(T({{shift}}), T[T(j * {{shift}} - {{i}}) for j in 1:{{length}}], "s{{i}}")

            """);
        yield return ("scale", $$"""
            scale{{i}}(s::S{{i}}) = sum(s.v .* s.x .+ {{i}}) / (1 + abs(s.x))

            """);
        yield return ("label", $$"""
            label{{i}}(s::S{{i}}) = "S{{i}}($(s.name), x=$(s.x), n=$(length(s.v)), last=$(last(s.v)), type=$(eltype(s.v)))"

            """);
        yield return ("index", $$"""
            function index{{i}}(s::S{{i}}{T}) where {T}
                d = Dict{String,T}()
                for (j, e) in enumerate(s.v)
                    d[string(s.name, '_', j)] = e * s.x + T({{i % 11}})
                end
                return d
            end

            """);
        yield return ("rank", $$"""
            rank{{i}}(s::S{{i}}) = sort(map(e -> (e - s.x)^2 + {{i % 3}}, s.v); rev = true)

            """);
        yield return ("summary", $$"""
            function summary{{i}}(s::S{{i}})
                d = index{{i}}(s)
                r = rank{{i}}(s)
                return length(label{{i}}(s)) + Float64(scale{{i}}(s)) + Float64(sum(values(d))) + Float64(first(r))
            end

            """);
        yield return ("run", $$"""
            run{{i}}() = {{calls}}

            """);
    }
}
