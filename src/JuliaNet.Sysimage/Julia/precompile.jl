# precompile.jl — the first step of julia-sysimage: build the packages' precompile caches (.ji)
# in a NORMAL julia process, with the same base image the object step (build_image.jl) will use
# (an --output-o process never calls compilecache; packages without a usable cache would be
# loaded from source there). The trace step (trace.jl) runs after it, on these caches.
# Julia 1.5 – 1.12.
#
# Run:
#   julia --startup-file=no --color=no --sysimage=<base> --project=<proj> [--pkgimages=no on 1.9+]
#         <dir>/precompile.jl
# ENV (set by the caller):
#   JULIA_NET_BUILD_PARAMS  required; the build's params file (params.jl): its packages and dependencies
#   JULIA_DEPOT_PATH        <builddir>/depot + the user's depots (explicit list): new caches go to
#                           <builddir>/depot/compiled, user depots are only read
#   JULIA_LOAD_PATH=@<sep>@stdlib, JULIA_PROJECT=<proj>   (as for the trace and object steps)
# Output: stdout, `loaded <Name> in <seconds> s` per package, for the build log (nothing reads
#         it); exit 1 (error on stderr) if a package cannot be loaded.
#         Files: new/updated caches in DEPOT_PATH[1]/compiled only (valid caches in later depots are
#         reused as they are; Base then bumps their mtime — contents are never rewritten).
# Nothing here uses Pkg: no resolve/instantiate, no writes to Project/Manifest or logs/.

# Helpers live in an anonymous module: nothing is defined in Main.
@eval Module(:JuliaNetPrecompile) begin
    function main()
        params = Base.include(@__MODULE__, joinpath(@__DIR__, "params.jl"))
        for id in vcat(params.package, params.dependency)
            t = @elapsed Base.require(id)
            println("loaded ", id.name, " in ", round(t, digits = 3), " s")  # for the build log
        end
    end

    Base.invokelatest(main)
end
