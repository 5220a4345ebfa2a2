namespace JuliaNet.Bench.Report;

/// <summary>
/// A measurement this suite cannot repeat (it needs julia-net built the old way), kept in the
/// report it generates: what loading Mono.Posix's helper cost each launch before julia-net
/// called libc's execv directly (src/JuliaNet.Runtime/Posix.cs, Execv).
/// </summary>
public static class HelperLoadCost
{
    public const string Heading = "## libMonoPosixHelper load cost";

    public const string Markdown = """
        ## libMonoPosixHelper load cost

        Measured once by hand, not by this suite, on 2026-11-29 on the project's 2-core machine (shared with other work: load average 4 to 6): julia-net published for linux-x64 from commit a6f8a43, which called Mono.Posix's `Syscall.execv` (and so loaded `libMonoPosixHelper.so` on every launch), against the same code calling libc's `execv` directly. The two binaries ran in alternation (A B, B A, ...), each run timed as a whole process; the difference is the median of the per-pair differences, with a bootstrap 95% interval.

        | measure | Mono.Posix `execv` | libc `execv` | difference | ratio |
        |---|---|---|---|---|
        | julia-net alone: `julia-net --julia FAKE -e 0`, FAKE a C program that answers the probe and exits (2000 pairs) | 5.76 ms | 5.18 ms | 0.52 ms (0.50 to 0.54) | 1.11 |
        | `julia-net --julia /usr/bin/julia -e 0` (100 pairs) | 231.9 ms | 225.2 ms | 3.1 ms (-0.8 to 12.9: noise) | 1.03 |
        | system calls before Julia starts (`strace -f`) | about 380: 40 `openat`, 43 `mmap` | about 325: 34 `openat`, 21 `mmap` | the helper, `/etc/ld.so.cache`, `libz`, `librt`, `libdl`, `libpthread` | |

        So the helper cost about half a millisecond per launch: a tenth of julia-net's own time, and 0.2 % of a `julia -e 0` (an earlier run of 60 pairs with the real julia gave a ratio of 0.99). julia-net calls libc's `execv` anyway, because Mono.Posix 1.0.0's helper has no build for Apple silicon and one call then serves every Unix runtime; Mono.Posix remains for `stat` on Intel Macs.
        """;
}
