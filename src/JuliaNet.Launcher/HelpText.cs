namespace JuliaNet.Launcher;

internal static class HelpText
{
    public const string Text = """
        julia-net: run Julia with a system image and a precompile cache of its own.

        Usage: julia-net [LAUNCHER OPTIONS] [+CHANNEL] [JULIA OPTIONS] [PROGRAMFILE] [ARGS...]

        Launcher options (only at the front; never passed to Julia):
          --julia PATH, --julia=PATH  the Julia executable, a name on PATH, or +CHANNEL
                                      (default: JULIA_NET_JULIA, else the config file's
                                      "julia", else +CHANNEL, else JULIAUP_CHANNEL, else the
                                      Julia recorded in the image's metadata, else julia on
                                      PATH; juliaup's launcher is resolved, never run)
          +CHANNEL                    run this juliaup channel (release, 1.10, a linked or
                                      alias channel), read from juliaup.json
          --julia-net-debug           debug log to stderr (also JULIA_DEBUG=julia-net or all)
          --julia-net-info            print what would run, as JSON, and exit
          --julia-net-help            show this help
          --julia-net-version         show julia-net's version
          --julia-net-install-wrapper DIR [--sysimage IMAGE] [--julia PATH]
                                      put a `julia` wrapper (julia-net under the name julia)
                                      in DIR; --sysimage/--julia are saved as the defaults in
                                      the config file. Never replaces a real julia.
          --julia-net-remove-wrapper DIR
                                      remove that wrapper (only julia-net's own)

        Everything else goes to Julia verbatim. The image is -J/--sysimage, else
        JULIA_NET_SYSIMAGE, else the config file's "sysimage", else Julia's default; julia-net
        always passes -J <absolute image> and -Cnative unless -C/--cpu-target is given.
        --help and --version are Julia's. Invoked as `julia` (the wrapper) it works the same.

        Config file: $XDG_CONFIG_HOME/julia-net/config.json (default ~/.config/julia-net/;
        macOS ~/Library/Application Support/julia-net/, Windows %APPDATA%\julia-net\),
        {"sysimage": "/path/sys.so", "julia": "/path/julia", "stale": "warn"}, all optional.

        Out-of-date images: when an input the image was built from (project, manifest, scripts,
        the sources of its path packages) changed since, julia-net says so on stderr and names
        the command that rebuilds it. JULIA_NET_STALE (or the config's "stale"): warn (default
        for an image named by -J, JULIA_NET_SYSIMAGE or the config), ignore, error (exit 80
        before Julia starts), or rebuild (default for a project image: run Julia's default image
        and rebuild the image in the background, detached, one at a time).

        Learning (off by default): with JULIA_NET_LEARN=1 (or the config's "learn": true), a run
        in a project on its image or, with none yet, Julia's default image adds
        --trace-compile=<a file of its own beside the project image>; the project's next image
        replays what was learned, and once enough is learned it is rebuilt as for "stale".
        JULIA_NET_LEARN_LIMIT (or "learn_limit"): the most kept, default 8M.

        juliaup: when +CHANNEL or JULIAUP_CHANNEL is given, or the julia found is juliaup's
        launcher, julia-net reads <JULIAUP_DEPOT_PATH or ~/.julia>/juliaup/juliaup.json and runs
        the channel's Julia itself: +CHANNEL, else JULIAUP_CHANNEL, else the override for the
        working directory, else the default channel.

        Environment: JULIA_NET_JULIA, JULIA_NET_SYSIMAGE, JULIA_NET_CACHE_DIR, JULIA_NET_STALE,
        JULIA_NET_LEARN, JULIA_NET_LEARN_LIMIT, JULIA_DEBUG, JULIAUP_CHANNEL, JULIAUP_DEPOT_PATH.
        Julia gets JULIA_NET_LAUNCHER, JULIA_NET_USER_DEPOT and JULIA_DEPOT_PATH.
        Exit codes: Julia's own; julia-net's errors use 64-71, 78-80, 82, 84 and 99
        (see docs/guarantees.md in the JuliaNet repository).

        """;
}
