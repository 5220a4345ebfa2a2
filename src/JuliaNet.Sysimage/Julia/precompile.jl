# precompile.jl — P2 of julia-sysimage: build the packages' precompile caches (.ji) in a NORMAL
# julia process, with the same base image P3 will use (an --output-o process never calls
# compilecache; packages without a usable cache would be loaded from source there).
# Julia 1.5 – 1.12.
#
# Run:
#   julia --startup-file=no --color=no --sysimage=<base> --project=<proj> [--pkgimages=no on 1.9+]
#         <dir>/precompile.jl
# ENV (set by the caller):
#   JULIA_NET_BUILD_PARAMS  required; path of the build's params file (format: see build_image.jl)
#                           keys used: package=<Name> <UUID>, dependency=<Name> <UUID> (repeatable;
#                           UUID optional: then the name is resolved in the active project)
#   JULIA_DEPOT_PATH        <builddir>/depot + the user's depots (explicit list): new caches go to
#                           <builddir>/depot/compiled, user depots are only read
#   JULIA_LOAD_PATH=@<sep>@stdlib, JULIA_PROJECT=<proj>   (same as for P1/P3)
# Output: stdout, `precompiled=<Name> <UUID> <seconds>` per requested package, then
#         `loaded_dependency=<Name> <UUID>` for each other package that got loaded (not in the base
#         image); exit 1 (error on stderr) if a package cannot be loaded.
#         Files: new/updated caches in DEPOT_PATH[1]/compiled only (valid caches in later depots are
#         reused as they are; Base then bumps their mtime — contents are never rewritten).
# Nothing here uses Pkg: no resolve/instantiate, no writes to Project/Manifest or logs/.

# Helpers live in an anonymous module: nothing is defined in Main.
@eval Module(:JuliaNetPrecompile) begin
    Base.include(@__MODULE__, joinpath(@__DIR__, "params.jl"))  # read_params

    function pkg_id(spec::AbstractString)
        parts = split(strip(spec))
        name = String(parts[1])
        if length(parts) >= 2
            return Base.PkgId(Base.UUID(String(parts[2])), name)
        end
        id = Base.identify_package(name)
        id === nothing && error("package $name not found in the active project/load path")
        return id
    end

    function main()
        params = read_params(ENV["JULIA_NET_BUILD_PARAMS"])
        specs = vcat(get(params, "package", String[]), get(params, "dependency", String[]))
        before = Set(keys(Base.loaded_modules))
        requested = Set{Base.PkgId}()
        for spec in specs
            id = pkg_id(spec)
            push!(requested, id)
            t = @elapsed Base.require(id)
            println("precompiled=", id.name, ' ', id.uuid === nothing ? "" : string(id.uuid), ' ', round(t, digits = 3))
        end
        # Packages that came along as dependencies (not in the base image, not requested): the caller
        # may list them as `dependency=` for P3 (P3 loads them anyway through the requested packages).
        for id in keys(Base.loaded_modules)
            (id in before || id in requested) && continue
            println("loaded_dependency=", id.name, ' ', id.uuid === nothing ? "" : string(id.uuid))
        end
    end

    Base.invokelatest(main)
end
