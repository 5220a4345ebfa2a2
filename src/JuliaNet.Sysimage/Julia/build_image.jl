# build_image.jl — the object step of julia-sysimage: the code run inside the `--output-o`
# process that writes the new system image's object archive. Julia 1.5 – 1.12 (tested live on
# 1.5.3; what differs by release is named where it matters).
#
# Run (pass THIS FILE AS A PATH, not with -e; all julia flags before the file path):
#   julia --startup-file=no --color=no --sysimage=<base> --project=<proj> --cpu-target=<target>
#         --threads=1 --warn-overwrite=yes [--pkgimages=no on 1.9+] --output-o=<builddir>/sys-o.a
#         <dir>/build_image.jl
# ENV (set by the caller, src/JuliaNet.Core/Building/BuildSteps.cs):
#   JULIA_NET_BUILD_PARAMS  required; the build's params file (params.jl: its keys and what they mean)
#   JULIA_DEPOT_PATH        <builddir>/depot + the user's depots, same as for the precompile step
#                           (so the caches it wrote are found); JULIA_LOAD_PATH=@<sep>@stdlib;
#                           JULIA_PROJECT=<proj>; JULIA_IMAGE_THREADS on 1.10+
#
# Report (the params' `report` file, appended as the build progresses; read by
# src/JuliaNet.Core/Building/BuildReport.cs). The last line is `status=ok` on success, else
# `status=error` or `status=strict` (ReportStatus there), followed by `error=<one line>`; julia
# then exits 1 and writes no object file. The other lines:
#   phase=<name>, bindir=, stdlib=, load_path=, depot_path=, active_project=,
#   loaded=<Name> <UUID> <seconds> <how>   how: `image` (already in the base image), `cache <file>`
#                                   (the cache file used), `source` (no usable cache: the package
#                                   was include()d, so the image carries code compiled without its
#                                   precompile-time work), `unknown` (Base internals differ),
#                                   `script-stdlib` (a standard library only the scripts load)
#   launcher=<path>, julia_cmd=<string(Base.julia_cmd()) inside the build process>
#   workers=<what was done for Distributed's workers on other machines>
#   statements_total=, statements_succeeded=, statements_failed=, statements_skipped=, replay_seconds=
#   missing_package=<Name> <count>  a package of the environment, not in the image, that failed
#                                   statements name
#   missing_name=<Name> <count>     another name that failed statements use and the image lacks
#                                   (e.g. a function the script itself defined)
# Nothing is printed to stdout/stderr by this script (stdout is a stale handle before
# reinit_stdio; errors after it are printed by julia as usual).

Base.reinit_stdio()   # must be first: stdout/stderr are stale handles until this runs

@eval Module(:JuliaNetSysimageBuild) begin
    const REPORT = Ref("")
    Base.include(@__MODULE__, joinpath(@__DIR__, "keyvalue.jl"))
    # each report value is one line: a multi-line error is joined with spaces
    function report(key::AbstractString, value)
        v = replace(string(value), r"[\r\n]+" => " ")
        open(REPORT[], "a") do io
            kv_line(io, key, v)
        end
    end

    isexpr(ex, head) = ex isa Expr && ex.head === head

    # --- 1. paths: an --output-o process starts with the paths of the machine that built Julia
    #        and with empty LOAD_PATH / DEPOT_PATH: module __init__s, Base's among them, do not
    #        run in non-incremental output mode (seen on 1.5.3; PackageCompiler restores them too)
    function restore_paths!(params)
        Core.eval(Sys, Expr(:(=), :BINDIR, ccall(:jl_get_julia_bindir, Any, ())::String))
        stdlib = something(params.stdlib, abspath(Sys.BINDIR, "..", "share", "julia", "stdlib", "v$(VERSION.major).$(VERSION.minor)"))
        Core.eval(Sys, Expr(:(=), :STDLIB, stdlib))
        report("bindir", Sys.BINDIR)
        report("stdlib", Sys.STDLIB)
        Base.init_load_path()
        # 1.6+ (base/initdefs.jl); 1.5's init_load_path reads --project itself
        isdefined(Base, :init_active_project) && Base.init_active_project()
        Base.init_depot_path()
        report("load_path", join(LOAD_PATH, ' '))
        report("depot_path", join(DEPOT_PATH, ' '))
        report("active_project", something(Base.active_project(), ""))
    end

    # --- 2. packages: dependencies first, then the requested ones, bound in Main ----------------

    # Before loading, on releases without Base.pkgorigins: the cache file `require` will take
    # (first non-stale one over all depots, as Base does), "source" if none.
    function cache_status(id::Base.PkgId)
        try
            path = Base.locate_package(id)
            path === nothing && return "not-found"
            for c in Base.find_all_in_cache_path(id)
                Base.stale_cachefile(path, c) === true || return "cache " * c
            end
            return "source"
        catch err
            err isa InterruptException && rethrow()
            return "unknown"   # internals differ on this Julia version
        end
    end

    # After loading, from 1.7: Base.pkgorigins records the cache file a package came from
    # (base/loading.jl, PkgOrigin.cachepath; `nothing` when it was loaded from source).
    function origin_status(id::Base.PkgId, before::String)
        isdefined(Base, :pkgorigins) || return before
        origin = get(Base.pkgorigins, id, nothing)
        (origin === nothing || !hasfield(typeof(origin), :cachepath)) && return before
        return origin.cachepath === nothing ? "source" : "cache " * origin.cachepath
    end

    function load_packages(params)
        in_base = Set(keys(Base.loaded_modules))   # what the base image brought
        for id in vcat(params.dependency, params.package)
            in_image = id in in_base
            before = in_image ? "image" : cache_status(id)
            t = @elapsed Base.require(id)
            how = in_image ? "image" : origin_status(id, before)
            report("loaded", "$(id.name) $(id.uuid) $(round(t, digits = 3)) $how")
        end
        for id in params.package
            sym = Symbol(id.name)
            isdefined(Main, sym) && continue
            Core.eval(Main, Expr(:import, Expr(:., sym)))
        end
        load_script_stdlibs(params)
    end

    # A standard library the precompile scripts load but the project does not list (Test, when
    # a package's test suite is the script): without it every statement that names it fails to
    # replay. Julia builds its own image from stdlib sources the same way. Other packages the
    # scripts load stay out, and the failed statements name them (a warning after the build).
    function load_script_stdlibs(params)
        file = params.script_modules
        (file === nothing || !isfile(file)) && return
        for line in eachline(file)
            parts = split(line)
            length(parts) == 2 || continue
            id = Base.PkgId(Base.UUID(String(parts[2])), String(parts[1]))
            haskey(Base.loaded_modules, id) && continue
            path = Base.locate_package(id)
            (path === nothing || !startswith(path, joinpath(Sys.STDLIB, ""))) && continue
            t = @elapsed Base.require(id)
            report("loaded", "$(id.name) $(id.uuid) $(round(t, digits = 3)) script-stdlib")
        end
    end

    # --- 3. the launcher and workers records: Base's and Distributed's methods replaced, the part
    #        most fragile across releases, in a file of its own
    Base.include(@__MODULE__, joinpath(@__DIR__, "method_overrides.jl"))

    # --- 4. precompile statement replay (PackageCompiler's method, all versions) -----------------
    # Staging module with every loaded top-level module bound by name (names that are
    # ambiguous are left out); UndefVarError then binds a uniquely named loaded module and retries.
    function staging_module()
        m = Module(:PrecompileStagingArea)
        counts = Dict{String,Int}()
        for id in keys(Base.loaded_modules)
            counts[id.name] = get(counts, id.name, 0) + 1
        end
        for (id, mod) in Base.loaded_modules
            counts[id.name] == 1 || continue
            sym = Symbol(id.name)
            isdefined(m, sym) && continue
            try
                Core.eval(m, Expr(:const, Expr(:(=), sym, mod)))
            catch err
                err isa InterruptException && rethrow()   # else: the name cannot be bound; left out
            end
        end
        return m
    end

    function bind_missing!(m::Module, var::Symbol)
        isdefined(m, var) && return false
        mods = [mod for (id, mod) in Base.loaded_modules if id.name == String(var)]
        length(mods) == 1 || return false
        Core.eval(m, Expr(:const, Expr(:(=), var, mods[1])))
        return true
    end

    # `Vararg{T}` (1.6+ traces) or `Vararg{T, N} where N` (1.5 traces) as the last Tuple
    # parameter: up to 1.9 precompile handles an open Vararg badly, and Julia's own
    # contrib/generate_precompile.jl pads it to Vararg{T, 100}, as this does. From 1.10 Julia
    # dropped that (julia #49200) and PackageCompiler never did it: there the traced signature
    # is the specialization that runs, and a padded one compiles code nothing calls.
    const PAD_VARARGS = VERSION < v"1.10.0-"

    function pad_vararg!(tt)
        (isexpr(tt, :curly) && length(tt.args) > 1) || return
        l = tt.args[end]
        if isexpr(l, :where) && isexpr(l.args[1], :curly) && l.args[1].args[1] === :Vararg &&
                length(l.args[1].args) == 3 && l.args[1].args[3] === l.args[2]
            tt.args[end] = Expr(:curly, :Vararg, l.args[1].args[2], 100)
        elseif isexpr(l, :curly) && length(l.args) == 2 && l.args[1] === :Vararg
            push!(l.args, 100)
        end
    end

    # Skip a statement that no method matches; every other one goes to `precompile`, which
    # decides. (PackageCompiler also skips a signature that more than one method matches, such
    # as `serialize(::ClusterSerializer, ::Any)` from Distributed's workers; `precompile`
    # accepts those, and they are code that runs.)
    function has_method(tt)
        ms = try
            Base._methods_by_ftype(tt, -1, Base.get_world_counter())
        catch err
            err isa InterruptException && rethrow()
            return true   # signature of the internal changed: let precompile decide
        end
        return !(ms isa Vector) || !isempty(ms)
    end

    mutable struct Replay
        total::Int
        ok::Int
        failed::Int
        skipped::Int
        missing::Dict{Symbol,Int}   # names failed statements use that the image lacks
    end

    # The statement's values, or nothing; names that stay undefined are counted in r.missing.
    function statement_values(m::Module, args, r::Replay)
        for attempt in 1:16
            try
                return Core.eval(m, Expr(:tuple, args...))
            catch err
                err isa UndefVarError || return nothing
                bind_missing!(m, err.var) && continue
                r.missing[err.var] = get(r.missing, err.var, 0) + 1
                return nothing
            end
        end
        return nothing
    end

    function replay_line!(m::Module, line::AbstractString, r::Replay)
        ex = try
            Meta.parse(line)
        catch err
            err isa InterruptException && rethrow()
            return false   # not Julia: a partial line, say
        end
        if !(isexpr(ex, :call) && ex.args[1] === :precompile && length(ex.args) >= 2)
            r.skipped += 1
            return true
        end
        args = ex.args[2:end]
        PAD_VARARGS && length(args) == 1 && pad_vararg!(args[1])
        vals = statement_values(m, args, r)
        (vals === nothing || (length(vals) == 1 && !has_method(vals[1]))) && return false
        ok = try
            precompile(vals...)
        catch err
            err isa InterruptException && rethrow()
            false
        end
        ok === true && (r.ok += 1)
        return ok === true
    end

    function replay(files::Vector{String}, failed_io::Union{IO,Nothing})
        m = staging_module()
        r = Replay(0, 0, 0, 0, Dict{Symbol,Int}())
        for file in files, line in eachline(file)
            isempty(strip(line)) && continue
            r.total += 1
            if !replay_line!(m, line, r)
                r.failed += 1
                failed_io === nothing || println(failed_io, line)
            end
        end
        return r
    end

    function replay_statements(params)
        t0 = time_ns()
        failed_io = params.failed_statements === nothing ? nothing : open(params.failed_statements, "w")
        r = try
            # the workers' traces exist when trace.jl ran its session with workers
            Base.invokelatest(replay, vcat(params.statements, filter(isfile, params.worker_statements)), failed_io)
        finally
            failed_io === nothing || close(failed_io)
        end
        report("statements_total", r.total)
        report("statements_succeeded", r.ok)
        report("statements_failed", r.failed)
        report("statements_skipped", r.skipped)
        report("replay_seconds", round((time_ns() - t0) / 1e9, digits = 2))
        for (name, n) in sort!(collect(r.missing), by = first)
            # a package of this environment that is not loaded here: not in the image
            is_package = !any(id -> id.name == String(name), keys(Base.loaded_modules)) &&
                         Base.identify_package(String(name)) !== nothing
            report(is_package ? "missing_package" : "missing_name", "$name $n")
        end
        return r
    end

    # --strict: stop before code generation (the long part) when too many statements failed.
    function check_strict(params, r::Replay)
        params.strict_max_failed_percent === nothing && return
        limit = parse(Int, params.strict_max_failed_percent)
        replayable = r.total - r.skipped
        if r.failed * 100 > limit * replayable
            report("status", "strict")
            report("error", "$(r.failed) of $replayable precompile statements failed (more than $limit%)")
            exit(1)
        end
    end

    # --- 5. epilogue: state that must not be baked into the image (rebuilt at startup by
    #        Base.__init__ / Sys.__init__) ----------------------------------------------------
    function epilogue!()
        empty!(Core.ARGS)
        empty!(Base.ARGS)
        empty!(LOAD_PATH)
        empty!(DEPOT_PATH)
        isdefined(Base, :HOME_PROJECT) && (Base.HOME_PROJECT[] = nothing)
        isdefined(Base, :ACTIVE_PROJECT) && (Base.ACTIVE_PROJECT[] = nothing)
        if isdefined(Base, :TOML_CACHE)   # 1.6+ (base/loading.jl's parsed-TOML cache; PackageCompiler PR #899 clears it too)
            empty!(Base.TOML_CACHE.d)
            Base.TOML.reinit!(Base.TOML_CACHE.p, "")
        end
        Core.eval(Sys, Expr(:(=), :BINDIR, ""))
        Core.eval(Sys, Expr(:(=), :STDLIB, ""))
    end

    function main()
        params = Base.include(@__MODULE__, joinpath(@__DIR__, "params.jl"))
        REPORT[] = params.report
        report("phase", "start")
        try
            restore_paths!(params)
            report("phase", "load")
            load_packages(params)
            if !isempty(something(params.launcher, ""))
                report("phase", "launcher")
                Base.invokelatest(record_launcher!, params.launcher)
            end
            report("phase", "workers")
            Base.invokelatest(record_worker_image!)
            report("phase", "replay")
            r = replay_statements(params)
            check_strict(params, r)
            report("phase", "epilogue")
            epilogue!()
            report("status", "ok")
        catch err
            report("status", "error")
            report("error", sprint(showerror, err))
            rethrow()
        end
    end

    Base.invokelatest(main)
end
