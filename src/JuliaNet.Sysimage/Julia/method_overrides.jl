# method_overrides.jl — the part of julia-sysimage's object step that replaces methods of Base and
# Distributed inside the image being written: what Base.julia_cmd() runs (the launcher record)
# and what Distributed starts workers with. Included by build_image.jl into its module (it uses
# that module's `report`); the most fragile part across Julia releases, so it lives here alone.
# Julia 1.5 – 1.12.

# --- 3. the launcher record ------------------------------------------------------------------
# Base.julia_cmd() runs joinpath(Sys.BINDIR, julia_exename()) (base/util.jl, 1.5 – 1.12), and
# joinpath with an absolute second part returns it, so a julia_exename() that returns the
# launcher makes every child julia_cmd() starts (precompile workers, Distributed workers,
# Pkg.test) run the launcher with -C<cpu> -J<this image>. The new julia_exename() returns
#   ENV["JULIA_NET_LAUNCHER"] when set and non-empty (julia-net sets it; it wins),
#   else the recorded launcher when that file exists,
#   else Julia's own name, so that plain `julia -J IMG` still starts children (with this
#   image and the same flags) when the launcher was removed or the image was copied.
# Julia 1.10+ refuses to overwrite a method in a process that generates output (src/gf.c,
# method_overwrite: "Method overwriting is not permitted during Module precompilation"),
# so the old method is deleted first (jl_method_table_disable), then the new one is
# defined: a new method, not an overwrite. Checked on 1.5.3 (no warning with
# --warn-overwrite=yes) and on 1.10.8 (accepted, the image names the launcher).
function record_launcher!(launcher::String)
    isabspath(launcher) || error("launcher must be an absolute path: $launcher")
    # Julia's own executable name, as base/util.jl defines it (not the current method's
    # answer: a base image built by julia-sysimage already answers with its launcher).
    own = ccall(:jl_is_debugbuild, Cint, ()) == 0 ? "julia" : "julia-debug"
    Sys.iswindows() && (own *= ".exe")
    Base.delete_method(which(Base.julia_exename, ()))
    Core.eval(Base, :(function julia_exename()
        l = get(ENV, "JULIA_NET_LAUNCHER", "")
        isempty(l) || return l
        return isfile($launcher) ? $launcher : $own
    end))
    precompile(Base.julia_exename, ())
    precompile(Base.julia_cmd, ())
    report("launcher", launcher)
    report("julia_cmd", string(Base.invokelatest(Base.julia_cmd)))
end

# --- 3b. workers on other machines --------------------------------------------------------
# Distributed's SSH manager (and cluster managers built like it) runs `exename exeflags
# --worker` on the remote host, not julia_cmd(): no -J, so the worker would start in the
# remote's default image (stdlib/Distributed managers.jl, 1.5 – 1.12), and through the
# launcher with no image it would run whatever Julia the remote's PATH has. Distributed's
# default `exename` becomes a Cmd, `<julia_exename()> -J<this image>`, computed at each call
# like the original (WorkerConfig.exename may be a Cmd: cluster.jl); the launcher then runs
# the Julia the image records. Local workers get the same image twice (julia_cmd(exename)
# adds -J again; the last one wins). The user's own exename or exeflags are kept as given.
# Same mechanism as the launcher record: the method is deleted, then defined, never
# overwritten.
# When Distributed is in the image (in the base image up to 1.9; from 1.10 when a package
# brings it) this is done now. Otherwise a package callback (Base.package_callbacks, run by
# `require` for every package loaded, dependencies from caches included: base/loading.jl
# run_package_callbacks, 1.5 – 1.12) does it when Distributed is loaded at run time, except
# in a process that generates output (a precompile worker), where Julia refuses to delete a
# method and where the change would be saved into the package's cache.
const DISTRIBUTED = Base.PkgId(Base.UUID("8ba89e20-285c-5b6f-9357-94700520ee1b"), "Distributed")
const DEFAULT_PARAMS = (:topology, :dir, :exename, :exeflags, :env, :enable_threaded_blas, :lazy)

# What was done, in a few words (for the report; nothing is printed at run time).
function use_image_for_workers!(dist::Module)
    isdefined(dist, :default_addprocs_params) || return "Distributed has no default_addprocs_params"
    f = getfield(dist, :default_addprocs_params)
    template = Base.invokelatest(f)
    if !(template isa Dict{Symbol,Any} && all(in(DEFAULT_PARAMS), keys(template)))
        return "Distributed's defaults are not the known ones; left as they are"
    end
    Base.delete_method(which(f, ()))
    Core.eval(dist, :(function default_addprocs_params()
        d = deepcopy($template)
        d[:dir] = pwd()
        d[:exename] = Base.Cmd([joinpath(Base.Sys.BINDIR, Base.julia_exename()),
                                "-J" * unsafe_string(Base.JLOptions().image_file)])
        return d
    end))
    precompile(getfield(dist, :default_addprocs_params), ())
    return "Distributed workers get -J<this image>"
end

function use_image_for_workers_when_loaded(id::Base.PkgId)
    id == DISTRIBUTED || return
    ccall(:jl_generating_output, Cint, ()) == 0 || return
    use_image_for_workers!(Base.root_module(id))
    return
end

function record_worker_image!()
    dist = get(Base.loaded_modules, DISTRIBUTED, nothing)
    dist === nothing || return report("workers", use_image_for_workers!(dist))
    push!(Base.package_callbacks, use_image_for_workers_when_loaded)
    precompile(use_image_for_workers_when_loaded, (Base.PkgId,))
    report("workers", "Distributed is not in the image: workers get -J<this image> when it is loaded")
end
