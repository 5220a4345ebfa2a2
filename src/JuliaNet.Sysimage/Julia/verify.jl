# verify.jl — check a freshly linked image (julia-sysimage's last step). Julia 1.5 – 1.12.
#
# Run (normal process ON THE NEW IMAGE; no --project needed):
#   julia --startup-file=no --color=no -J <builddir>/sys.so <dir>/verify.jl
# ENV:
#   JULIA_NET_BUILD_PARAMS  required; the build's params file (params.jl): its packages and
#                           dependencies must already be loaded at startup, the packages bound in
#                           Main too; its launcher is the julia_cmd() program expected
#   JULIA_NET_LAUNCHER      optional; when set and non-empty it must win over the recorded launcher
# Output: stdout, `key=value` lines: image_file=, julia_cmd=, worker_exename= (Distributed's default, in
#         the image or loaded after start), check=<ok|FAIL> <what>, active_project=.
# Exit code 0 when every check passed, 1 otherwise. Writes no files.

@eval Module(:JuliaNetVerify) begin
    function main()
        # Snapshot before anything here can load code: what the image itself brought.
        loaded_at_start = Set(keys(Base.loaded_modules))
        params = Base.include(@__MODULE__, joinpath(@__DIR__, "params.jl"))
        nfail = 0
        function check(ok::Bool, what::AbstractString)
            println("check=", ok ? "ok " : "FAIL ", what)
            ok || (nfail += 1)
        end

        image = unsafe_string(Base.JLOptions().image_file)
        println("image_file=", image)
        cmd = Base.julia_cmd()
        println("julia_cmd=", cmd)

        for id in vcat(params.dependency, params.package)
            check(id in loaded_at_start, "$(id.name) loaded at startup (in the image)")
        end
        for id in params.package
            name = Symbol(id.name)
            check(isdefined(Main, name) && getfield(Main, name) === get(Base.loaded_modules, id, nothing), "$(id.name) bound in Main")
        end

        env_launcher = get(ENV, "JULIA_NET_LAUNCHER", "")
        expected = !isempty(env_launcher) ? env_launcher : something(params.launcher, "")
        if !isempty(expected)
            check(cmd.exec[1] == expected, "julia_cmd() program is $expected")
        end
        check(any(a -> a == "-J" * image, cmd.exec), "julia_cmd() passes -J$image")

        # build_image.jl's record_worker_image!: SSH workers get this image too, whether
        # Distributed is in the image or loaded now (its package callback)
        distributed = Base.PkgId(Base.UUID("8ba89e20-285c-5b6f-9357-94700520ee1b"), "Distributed")
        how = haskey(Base.loaded_modules, distributed) ? "in the image" : "loaded after start"
        dist = Base.require(distributed)
        exename = Base.invokelatest(getfield(dist, :default_addprocs_params))[:exename]
        println("worker_exename=", exename)
        check(exename isa Cmd && exename.exec == [cmd.exec[1], "-J" * image],
              "Distributed's default exename ($how) is the launcher with -J$image")

        # state that build_image.jl emptied must be rebuilt at startup
        check(!isempty(DEPOT_PATH), "DEPOT_PATH initialised: $(join(DEPOT_PATH, ' '))")
        check(!isempty(LOAD_PATH), "LOAD_PATH initialised: $(join(LOAD_PATH, ' '))")
        check(isdir(Sys.BINDIR), "Sys.BINDIR is a directory: $(Sys.BINDIR)")
        check(isdir(Sys.STDLIB), "Sys.STDLIB is a directory: $(Sys.STDLIB)")
        println("active_project=", something(Base.active_project(), ""))
        return nfail
    end

    exit(Base.invokelatest(main) == 0 ? 0 : 1)
end
