# trace.jl — the trace step of julia-sysimage: run the user's precompile execution scripts in ONE process
# while julia records every compiled signature with --trace-compile. Julia 1.5 – 1.12.
#
# Run:
#   julia --startup-file=no --color=no --sysimage=<base> --project=<proj> --compile=all
#         --trace-compile=<builddir>/trace.txt [--pkgimages=no on 1.9+] <dir>/trace.jl
# ENV:
#   JULIA_NET_BUILD_PARAMS  required; the build's params file (params.jl): the scripts to run, and
#                           the script_modules file to write after them (`Name UUID` of every
#                           package loaded then)
#   JULIA_DEPOT_PATH, JULIA_LOAD_PATH, JULIA_PROJECT  as for the precompile step (its caches are reused;
#                           anything a script writes to DEPOT_PATH[1] lands in the build depot)
# Each script is included into Main (as `julia script.jl` would, minus PROGRAM_FILE/ARGS), with
# the current directory unchanged. The script's own stdout/stderr pass through.
# After the scripts, when the image is for Distributed's workers (params `workers`) or a script
# did `using Distributed` (or `import`), workers.jl runs a session with local workers (each
# traces into a file of its own, params `worker_statements`), so that both sides of Distributed
# go into the image.
# Output: the trace file (written by julia itself); on stderr `trace: ok <script>`, or
#         `trace: FAILED <script>` and the error as Julia prints an uncaught one (`ERROR: ...`).
# Exit 1 if any script threw (the later scripts still run; the trace file is still usable), or
# if the workers' session failed.
# The precompile step (precompile.jl) runs first, so this process does not write caches into the user's depot.
# Note: --trace-compile records only the ROOT of each compilation. Calls made inside a top-level
# loop of a script, or inside a function the script defines (Main.*, not replayable), are compiled
# together with that root and do not appear; call package functions from plain top-level
# statements in the workload scripts.

# No functions or modules are defined here on purpose: anything this wrapper compiles would show
# up in the trace as an unreplayable statement (params.jl defines none either, for this reason).
# The `let` keeps all names out of Main.
let params = Base.include(Main, joinpath(@__DIR__, "params.jl")), failed = 0
    for value in params.script
        script = abspath(value)
        try
            Base.include(Main, script)
            println(stderr, "trace: ok ", script)
        catch err
            failed += 1
            println(stderr, "trace: FAILED ", script)
            print(stderr, "ERROR: ")   # as Julia prints an uncaught error (julia-sysimage shows it above its error line)
            Base.showerror(stderr, err, catch_backtrace())
            println(stderr)
        end
    end
    # `using Distributed` (or `import`) in a script binds it in Main; a package that loads it for
    # its own use (as Test did up to 1.7), or Distributed in Julia's own image (up to 1.9), does not
    if params.workers == "yes" || isdefined(Main, :Distributed)
        try
            Base.include(Main, joinpath(@__DIR__, "workers.jl"))
            println(stderr, "trace: ok workers")
        catch err
            failed += 1
            println(stderr, "trace: FAILED the session with local workers")
            print(stderr, "ERROR: ")
            Base.showerror(stderr, err, catch_backtrace())
            println(stderr)
        end
    end
    if params.script_modules !== nothing
        io = open(params.script_modules, "w")
        for id in keys(Base.loaded_modules)
            id.uuid === nothing || println(io, id.name, ' ', id.uuid)
        end
        close(io)
    end
    exit(failed == 0 ? 0 : 1)
end
