# build_image.jl — P3 of julia-sysimage: the code run inside the `--output-o` process that
# writes the new system image's object archive. Julia 1.5 – 1.12 (tested live on 1.5.3).
#
# Run (pass THIS FILE AS A PATH, not with -e; all julia flags before the file path):
#   julia --startup-file=no --color=no --sysimage=<base> --project=<proj> --cpu-target=<target>
#         [--threads=1] [--pkgimages=no on 1.9+] --output-o=<builddir>/sys-o.a <dir>/build_image.jl
# ENV (set by the caller):
#   JULIA_NET_BUILD_PARAMS  required; absolute path of the params file (below)
#   JULIA_DEPOT_PATH        <builddir>/depot + the user's depots, same as for P2 (so the caches
#                           P2 wrote are found); JULIA_LOAD_PATH=@<sep>@stdlib; JULIA_PROJECT=<proj>
#   JULIA_NUM_THREADS=1     recommended (1.11 hangs with more threads)
#
# Params file: UTF-8 text, one `key=value` per line; the key is trimmed, the value runs to the
# end of the line (a trailing '\r' is dropped) and carries backslash escapes (\\, \n, \r: read
# with unescape_string). Blank lines and lines starting with '#' are ignored. Repeatable keys
# are lists, kept in order.
#   report=<abs path>          required; this script's report (key=value lines, appended)
#   package=<Name> [<UUID>]    repeatable; loaded and `import`ed into Main (UUID: exact PkgId;
#                              without it the name is resolved in the active project)
#   dependency=<Name> [<UUID>] repeatable; loaded only (e.g. the manifest's transitive deps)
#   statements=<abs path>      repeatable; files of `precompile(...)` lines (e.g. P1's trace)
#   launcher=<abs path>        optional; recorded as Base.julia_exename() (see below)
#   failed_statements=<abs path> optional; the statement lines that failed are written there
#   stdlib=<abs path>          optional; Sys.STDLIB of the normal process (probe.jl `stdlib=`);
#                              default <bindir>/../share/julia/stdlib/vX.Y
#
# Report (written as the build progresses; the last line is `status=ok` on success, else
# `status=error` followed by `error=<one line>`; julia then exits 1 and writes no object file):
#   phase=<name>, load_path=, depot_path=, active_project=,
#   loaded=<Name> <UUID> <seconds> <how>   how: `image` (already in the base image), `cache <file>`
#                                   (the .ji used), `source` (no usable .ji: P2 missing/failed; the
#                                   package is include()d, slower and not the precompiled state),
#                                   `unknown` (Base internals differ on this version)
#   launcher=<path>, julia_cmd=<string(Base.julia_cmd()) inside the build process>
#   statements_total=, statements_succeeded=, statements_failed=, statements_skipped=, replay_seconds=
# Nothing is printed to stdout/stderr by this script (stdout is a stale handle before
# reinit_stdio; errors after it are printed by julia as usual).
#
# The launcher record: Base.julia_exename() is redefined to return ENV["JULIA_NET_LAUNCHER"]
# when that is set and non-empty at run time, else the recorded launcher path. Base.julia_cmd()
# is joinpath(Sys.BINDIR, julia_exename()) + flags, and joinpath with an absolute second part
# returns it unchanged, so every child julia_cmd() starts (precompile workers, Pkg.build/test,
# Distributed workers) runs the launcher with -C<cpu> -J<this image> ... . Consequence: if the
# recorded launcher does not exist at run time, every child julia fails (ENOENT), e.g. when a
# package that is not in the image needs precompiling; JULIA_NET_LAUNCHER=<julia or launcher>
# overrides it. An empty/absent `launcher=` keeps Julia's own julia_exename().

Base.reinit_stdio()   # must be first: stdout/stderr are stale handles until this runs

@eval Module(:JuliaNetSysimageBuild) begin
    Base.include(@__MODULE__, joinpath(@__DIR__, "params.jl"))  # read_params

    const REPORT = Ref("")
    function report(key::AbstractString, value)
        v = replace(string(value), r"[\r\n]+" => " ")
        open(REPORT[], "a") do io
            println(io, key, '=', v)
        end
    end

    function pkg_id(spec::AbstractString)
        parts = split(strip(spec))
        name = String(parts[1])
        length(parts) >= 2 && return Base.PkgId(Base.UUID(String(parts[2])), name)
        id = Base.identify_package(name)
        id === nothing && error("package $name not found in the active project/load path")
        return id
    end

    # --- precompile statement replay (PackageCompiler's method, all versions) ---------------
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
            catch
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

    # Which cache file `require` will take (first non-stale one over all depots, as Base does),
    # "source" if none: an --output-o process never compiles caches, it include()s the source.
    function cache_status(id::Base.PkgId)
        try
            path = Base.locate_package(id)
            path === nothing && return "not-found"
            for c in Base.find_all_in_cache_path(id)
                Base.stale_cachefile(path, c) === true || return "cache " * c
            end
            return "source"
        catch
            return "unknown"   # internals differ on this Julia version
        end
    end

    isexpr(ex, head) = ex isa Expr && ex.head === head

    # `Vararg{T}` (1.6+ traces) or `Vararg{T, N} where N` (1.5 traces) as the last Tuple
    # parameter: precompile handles an open Vararg badly; pad to Vararg{T, 100}.
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

    function has_method(tt)
        ms = try
            Base._methods_by_ftype(tt, 1, Base.get_world_counter())
        catch
            return true   # signature of the internal changed: let precompile decide
        end
        # like PackageCompiler: skip when no method matches or more than one does (`false`)
        return ms isa Vector && !isempty(ms)
    end

    function replay(files::Vector{String}, failed_io::Union{IO,Nothing})
        m = staging_module()
        total = ok = failed = skipped = 0
        fail(line) = (failed += 1; failed_io === nothing || println(failed_io, line))
        for file in files, line in eachline(file)
            isempty(strip(line)) && continue
            total += 1
            ex = try
                Meta.parse(line)
            catch
                fail(line)
                continue
            end
            if !(isexpr(ex, :call) && ex.args[1] === :precompile && length(ex.args) >= 2)
                skipped += 1
                continue
            end
            args = ex.args[2:end]
            length(args) == 1 && pad_vararg!(args[1])
            vals = nothing
            for attempt in 1:16
                try
                    vals = Core.eval(m, Expr(:tuple, args...))
                    break
                catch err
                    if err isa UndefVarError && bind_missing!(m, err.var)
                        continue
                    end
                    break
                end
            end
            if vals === nothing || (length(vals) == 1 && !has_method(vals[1]))
                fail(line)
                continue
            end
            r = try
                precompile(vals...)
            catch
                false
            end
            r === true ? (ok += 1) : fail(line)
        end
        return total, ok, failed, skipped
    end

    function record_launcher(launcher::String)
        # Returns String in both branches; evaluated into Base (allowed in a sysimage build,
        # NOT in package precompilation).
        Core.eval(Base, Expr(:function, Expr(:call, :julia_exename), Expr(:block,
            Expr(:(=), :l, Expr(:call, :get, :ENV, "JULIA_NET_LAUNCHER", "")),
            Expr(:return, Expr(:if, Expr(:call, :isempty, :l), launcher, :l)))))
        precompile(Base.julia_exename, ())
        precompile(Base.julia_cmd, ())
    end

    function main()
        params = read_params(ENV["JULIA_NET_BUILD_PARAMS"])
        REPORT[] = params["report"][end]
        report("phase", "start")
        try
            # 1. preamble: Sys.BINDIR / Sys.STDLIB still point at the machine that built Julia
            Core.eval(Sys, Expr(:(=), :BINDIR, ccall(:jl_get_julia_bindir, Any, ())::String))
            stdlib = haskey(params, "stdlib") ? params["stdlib"][end] :
                abspath(Sys.BINDIR, "..", "share", "julia", "stdlib", "v$(VERSION.major).$(VERSION.minor)")
            Core.eval(Sys, Expr(:(=), :STDLIB, stdlib))
            report("bindir", Sys.BINDIR)
            report("stdlib", Sys.STDLIB)

            # 2. load paths (empty in an --output-o process until initialised)
            Base.init_load_path()
            isdefined(Base, :init_active_project) && Base.init_active_project()
            Base.init_depot_path()
            report("load_path", join(LOAD_PATH, ' '))
            report("depot_path", join(DEPOT_PATH, ' '))
            report("active_project", something(Base.active_project(), ""))

            # 3. load packages: dependencies first, then the requested packages
            report("phase", "load")
            pkgs = [pkg_id(s) for s in get(params, "package", String[])]
            deps = [pkg_id(s) for s in get(params, "dependency", String[])]
            for id in vcat(deps, pkgs)
                how = haskey(Base.loaded_modules, id) ? "image" : cache_status(id)
                t = @elapsed Base.require(id)
                report("loaded", "$(id.name) $(id.uuid) $(round(t, digits = 3)) $how")
            end
            for id in pkgs
                sym = Symbol(id.name)
                isdefined(Main, sym) && continue
                Core.eval(Main, Expr(:import, Expr(:., sym)))
            end

            # 4. record the launcher
            if haskey(params, "launcher") && !isempty(params["launcher"][end])
                launcher = params["launcher"][end]
                isabspath(launcher) || error("launcher must be an absolute path: $launcher")
                record_launcher(launcher)
                report("launcher", launcher)
                report("julia_cmd", string(Base.invokelatest(Base.julia_cmd)))
            end

            # 5. replay precompile statements
            report("phase", "replay")
            files = get(params, "statements", String[])
            t0 = time_ns()
            failed_io = haskey(params, "failed_statements") ? open(params["failed_statements"][end], "w") : nothing
            total, ok, failed, skipped = try
                Base.invokelatest(replay, files, failed_io)
            finally
                failed_io === nothing || close(failed_io)
            end
            t = (time_ns() - t0) / 1e9
            report("statements_total", total)
            report("statements_succeeded", ok)
            report("statements_failed", failed)
            report("statements_skipped", skipped)
            report("replay_seconds", round(t, digits = 2))

            # 6. epilogue: state that must not be baked into the image (rebuilt at startup by
            #    Base.__init__ / Sys.__init__)
            report("phase", "epilogue")
            empty!(Core.ARGS)
            empty!(Base.ARGS)
            empty!(LOAD_PATH)
            empty!(DEPOT_PATH)
            isdefined(Base, :HOME_PROJECT) && (Base.HOME_PROJECT[] = nothing)
            isdefined(Base, :ACTIVE_PROJECT) && (Base.ACTIVE_PROJECT[] = nothing)
            if isdefined(Base, :TOML_CACHE)            # 1.6+
                empty!(Base.TOML_CACHE.d)
                Base.TOML.reinit!(Base.TOML_CACHE.p, "")
            end
            Core.eval(Sys, Expr(:(=), :BINDIR, ""))
            Core.eval(Sys, Expr(:(=), :STDLIB, ""))
            report("status", "ok")
        catch err
            report("status", "error")
            report("error", sprint(showerror, err))
            rethrow()
        end
    end

    Base.invokelatest(main)
end
