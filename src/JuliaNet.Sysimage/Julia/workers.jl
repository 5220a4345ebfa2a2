# workers.jl — part of the trace step (trace.jl includes it after the scripts) when the image is
# for Distributed's workers: a real session with local workers, so that the code both sides
# compile goes into the image. Julia 1.5 – 1.12. From 1.10 Distributed is not in Julia's default
# image: without this, the master and every worker (local, SSH, SLURM) load it and compile its
# code at run time, with or without a custom image.
#
# The master's side is traced by the trace step's own --trace-compile; each worker is started
# with --trace-compile=<its file> (params `worker_statements`, one addprocs each, so that no two
# processes write one file). The workers are started as Distributed starts them by default
# (julia_cmd(): this build's Julia, base image and flags; the environment, and so the project and
# the depot, inherited). They load the image's packages (`@everywhere using X`, as users do), then
# the session does what a user's does: remotecall/remotecall_fetch/remotecall_wait/remote_do,
# closures sent to workers, pmap, a RemoteChannel, a Future, remotecall_eval as @everywhere,
# worker queries, and rmprocs.
#
# Each part is a top-level expression, evaluated in the world after the previous one (Distributed
# is loaded by the first), and defines no named function: a method of Main compiled here is a
# statement that cannot replay in the image. The few closures are sent to the workers on purpose.
# Two globals of Main (this process only) carry the module and the workers' ids between the parts.

const JULIA_NET_DISTRIBUTED = Base.require(Base.PkgId(Base.UUID("8ba89e20-285c-5b6f-9357-94700520ee1b"), "Distributed"))

const JULIA_NET_WORKERS = let D = JULIA_NET_DISTRIBUTED, pids = Int[],
                              params = Base.include(Main, joinpath(@__DIR__, "params.jl"))
    for file in params.worker_statements
        append!(pids, D.addprocs(1; exeflags = `--trace-compile=$file`))
    end
    for id in vcat(params.dependency, params.package)
        D.remotecall_eval(Main, pids, :(Base.require($id)))
    end
    for id in params.package
        D.remotecall_eval(Main, pids, Expr(:using, Expr(:., Symbol(id.name))))
    end
    pids
end

let D = JULIA_NET_DISTRIBUTED, pids = JULIA_NET_WORKERS, p = first(pids)
    D.remotecall_eval(Main, pids, :(x = 1 + 1))
    D.remotecall_fetch(D.myid, p) == p || error("remotecall_fetch(myid) on worker $p")
    fetch(D.remotecall(D.myid, p)) == p || error("remotecall(myid) on worker $p")
    D.remotecall_wait(D.myid, p)
    D.remote_do(D.myid, p)
    D.remotecall_fetch(+, p, 1, 2) == 3 || error("remotecall_fetch(+) on worker $p")
    D.remotecall_fetch(sum, p, collect(1:100)) == 5050 || error("remotecall_fetch(sum) on worker $p")
    D.remotecall_fetch(string, p, "a", 1, 2.0, :b) == "a12.0b" || error("remotecall_fetch(string) on worker $p")
    # closures, as users send them (pmap(x -> ..., ...), @spawnat, @everywhere): the worker
    # deserializes their methods and code; their own statements name this session's closures
    # and do not replay (the build lists them among the failed statements)
    D.remotecall_fetch(() -> 1 + 1, p) == 2 || error("remotecall_fetch of a closure on worker $p")
    D.remotecall_fetch(x -> x .+ 1, p, [1, 2]) == [2, 3] || error("remotecall_fetch of a closure with an argument on worker $p")
    D.pmap(x -> 2x, 1:8) == collect(2:2:16) || error("pmap of a closure")
    D.pmap(abs, -20:20) == abs.(-20:20) || error("pmap")
    D.pmap(identity, Any[1, "a", 2.0, :b, nothing]) == Any[1, "a", 2.0, :b, nothing] || error("pmap over Any")
    ch = D.RemoteChannel(p)
    put!(ch, 42)
    take!(ch) == 42 || error("RemoteChannel")
    f = D.Future(p)
    put!(f, "done")
    fetch(f) == "done" || error("Future")
    D.nworkers() == length(pids) || error("nworkers")
    D.workers() == pids || error("workers")
    D.procs()
    D.remotecall_fetch(D.nprocs, p)
    D.rmprocs(pids; waitfor = 60)
end
