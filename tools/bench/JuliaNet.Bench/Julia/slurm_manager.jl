# A cluster manager that starts Distributed workers through SLURM's srun, in the style of
# ClusterManagers.jl's SlurmManager (src/slurm.jl): one `srun -n N EXENAME EXEFLAGS --worker`
# job step, each task a worker that prints `julia_worker:PORT#HOST` on its stdout. Written for
# the tests and the benchmark's cluster figure (ClusterManagers.jl cannot be installed here);
# what differs:
# - the output of all tasks comes through srun's own pipe (`--label` tells the tasks apart)
#   instead of one file per task polled in a loop;
# - a worker that cannot start fails addprocs with an error naming the workers' command, srun's
#   exit status and the last lines they printed (`--kill-on-bad-exit` ends the other tasks, so
#   srun exits), and every launch has a time limit, so nothing hangs;
# - the cookie goes on the command line (`--worker=COOKIE`), not on stdin.
# EXENAME and EXEFLAGS are Distributed's `exename` and `exeflags` (addprocs' keywords; by default
# Distributed's own default, which in an image built by julia-sysimage is the launcher with the
# image). Keywords of the manager: `timeout` (seconds for all workers to report) and `srun`
# (more srun arguments).
using Distributed
import Distributed: launch, manage

struct SlurmManager <: ClusterManager
    np::Int
    timeout::Float64
    srun_args::Vector{String}
end

SlurmManager(np::Integer; timeout::Real = 120, srun::AbstractVector{<:AbstractString} = String[]) =
    SlurmManager(np, timeout, collect(String, srun))

addprocs_slurm(np::Integer; timeout::Real = 120, srun = String[], kwargs...) =
    addprocs(SlurmManager(np; timeout = timeout, srun = srun); kwargs...)

const TASK_LINE = r"^\s*(\d+): ?(.*)$"
const WORKER_LINE = r"julia_worker:(\d+)#(\S+)"

function launch(m::SlurmManager, params::Dict, launched::Array, c::Condition)
    exename, exeflags = params[:exename], params[:exeflags]
    # What the error messages show: the workers' command without the cookie.
    shown = `$exename $exeflags --worker`
    srun = Sys.which("srun")
    srun === nothing && error("SlurmManager: srun not found on PATH, cannot start $(m.np) workers ($shown)")
    cmd = `$srun --label --kill-on-bad-exit=1 --ntasks=$(m.np) --job-name=julia-workers-$(getpid()) $(m.srun_args) $exename $exeflags --worker=$(Distributed.cluster_cookie())`
    out = Pipe()
    proc = run(pipeline(cmd; stdin = devnull, stdout = out, stderr = out); wait = false)
    close(out.in)
    tail = String[]
    seen = Set{Int}()
    # Reads every line srun prints, for as long as the step runs: the workers' addresses, then
    # whatever the workers print, passed on to this process's stderr.
    reader = @async for line in eachline(out)
        task = match(TASK_LINE, line)
        text = task === nothing ? line : task[2]
        worker = match(WORKER_LINE, text)
        if task !== nothing && worker !== nothing && !(parse(Int, task[1]) in seen)
            push!(seen, parse(Int, task[1]))
            config = WorkerConfig()
            config.port = parse(Int, worker[1])
            config.host = worker[2]
            config.userdata = proc # the step lives as long as its workers
            push!(launched, config)
            notify(c)
        else
            println(stderr, "srun: ", line)
            push!(tail, line)
            length(tail) > 20 && popfirst!(tail)
        end
    end
    started = time()
    while length(seen) < m.np
        if istaskdone(reader)
            wait(proc)
            error("SlurmManager: $(length(seen)) of $(m.np) workers started; srun exited with status $(proc.exitcode) running `$shown`. Its last lines:\n" * join(tail, '\n'))
        elseif time() - started > m.timeout
            kill(proc)
            error("SlurmManager: $(length(seen)) of $(m.np) workers started within $(m.timeout) s running `$shown`; the step was cancelled. Its last lines:\n" * join(tail, '\n'))
        end
        sleep(0.05)
    end
    return
end

manage(::SlurmManager, ::Integer, ::WorkerConfig, ::Symbol) = nothing
