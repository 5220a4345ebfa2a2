namespace JuliaNet.Julia;

/// <summary>How a Julia command-line option takes its value (as getopt does).</summary>
public enum OptionValue
{
    None,

    /// <summary><c>-Xv</c>, <c>-X v</c>, <c>--long=v</c> or <c>--long v</c>.</summary>
    Required,

    /// <summary>Only attached: <c>--long=v</c>; a bare <c>--long</c> takes nothing.</summary>
    Optional,
}

/// <summary>
/// Julia's own options, 1.5 to 1.12 (src/jloptions.c). Julia parses them with getopt_long
/// and the short option string <c>+vhqH:e:E:L:J:C:it:p:O:g:m:</c>: exact long names only
/// (no abbreviations; checked on 1.5.3), and options end at the first non-option argument.
/// </summary>
public static class JuliaOptionTable
{
    private static readonly Dictionary<char, OptionValue> Short = new()
    {
        ['v'] = OptionValue.None, ['h'] = OptionValue.None, ['q'] = OptionValue.None, ['i'] = OptionValue.None,
        ['H'] = OptionValue.Required, ['e'] = OptionValue.Required, ['E'] = OptionValue.Required,
        ['L'] = OptionValue.Required, ['J'] = OptionValue.Required, ['C'] = OptionValue.Required,
        ['t'] = OptionValue.Required, ['p'] = OptionValue.Required, ['O'] = OptionValue.Required,
        ['g'] = OptionValue.Required, ['m'] = OptionValue.Required,
    };

    private static readonly Dictionary<string, OptionValue> Long = new(StringComparer.Ordinal)
    {
        ["version"] = OptionValue.None, ["help"] = OptionValue.None, ["help-hidden"] = OptionValue.None,
        ["quiet"] = OptionValue.None, ["interactive"] = OptionValue.None, ["lisp"] = OptionValue.None,
        ["image-codegen"] = OptionValue.None, ["strip-metadata"] = OptionValue.None, ["strip-ir"] = OptionValue.None,
        ["trace-compile-timing"] = OptionValue.None, ["experimental"] = OptionValue.None,
        ["gc-sweep-always-full"] = OptionValue.None,
        ["banner"] = OptionValue.Required, ["home"] = OptionValue.Required, ["eval"] = OptionValue.Required,
        ["print"] = OptionValue.Required, ["load"] = OptionValue.Required, ["bug-report"] = OptionValue.Required,
        ["sysimage"] = OptionValue.Required, ["sysimage-native-code"] = OptionValue.Required,
        ["compiled-modules"] = OptionValue.Required, ["pkgimages"] = OptionValue.Required,
        ["cpu-target"] = OptionValue.Required, ["procs"] = OptionValue.Required, ["threads"] = OptionValue.Required,
        ["gcthreads"] = OptionValue.Required, ["machine-file"] = OptionValue.Required, ["color"] = OptionValue.Required,
        ["history-file"] = OptionValue.Required, ["startup-file"] = OptionValue.Required, ["compile"] = OptionValue.Required,
        ["check-bounds"] = OptionValue.Required, ["output-bc"] = OptionValue.Required,
        ["output-unopt-bc"] = OptionValue.Required, ["output-jit-bc"] = OptionValue.Required,
        ["output-o"] = OptionValue.Required, ["output-asm"] = OptionValue.Required, ["output-ji"] = OptionValue.Required,
        ["output-incremental"] = OptionValue.Required, ["output-code_coverage"] = OptionValue.Required,
        ["trace-compile"] = OptionValue.Required, ["trace-dispatch"] = OptionValue.Required,
        ["math-mode"] = OptionValue.Required, ["handle-signals"] = OptionValue.Required,
        ["depwarn"] = OptionValue.Required, ["warn-overwrite"] = OptionValue.Required,
        ["warn-scope"] = OptionValue.Required, ["inline"] = OptionValue.Required, ["polly"] = OptionValue.Required,
        ["bind-to"] = OptionValue.Required, ["module"] = OptionValue.Required, ["permalloc-pkgimg"] = OptionValue.Required,
        ["heap-size-hint"] = OptionValue.Required, ["hard-heap-limit"] = OptionValue.Required,
        ["heap-target-increment"] = OptionValue.Required, ["task-metrics"] = OptionValue.Required,
        ["timeout-for-safepoint-straggler"] = OptionValue.Required,
        ["project"] = OptionValue.Optional, ["code-coverage"] = OptionValue.Optional,
        ["track-allocation"] = OptionValue.Optional, ["optimize"] = OptionValue.Optional,
        ["min-optlevel"] = OptionValue.Optional, ["worker"] = OptionValue.Optional, ["trim"] = OptionValue.Optional,
    };

    /// <summary>Unknown short options take no value (Julia will reject them itself).</summary>
    public static OptionValue ShortKind(char name) => Short.GetValueOrDefault(name, OptionValue.None);

    /// <summary>Unknown long options take no value (Julia will reject them itself).</summary>
    public static OptionValue LongKind(string name) => Long.GetValueOrDefault(name, OptionValue.None);
}
