# The cluster figure's master: adds BENCH_WORKERS workers through srun (slurm_manager.jl beside
# this file, with Distributed's default exename and exeflags, so with an image they come back
# through julia-net on it), has every worker load BENCH_PACKAGE and call its workload() once,
# all at the same time, and prints one line: the seconds from BENCH_T0 (Unix time, set by the
# suite just before it started this process) until the last worker's result was back, a tab,
# and the checksum every worker returned (they must agree).
include(joinpath(@__DIR__, "slurm_manager.jl"))

const t0 = parse(Float64, ENV["BENCH_T0"])
const package = Symbol(ENV["BENCH_PACKAGE"])

workers = addprocs_slurm(parse(Int, ENV["BENCH_WORKERS"]); timeout = 1800)
results = asyncmap(workers) do p
    remotecall_fetch(Core.eval, p, Main, :(using $package))
    remotecall_fetch(Core.eval, p, Main, :($package.workload()))
end
elapsed = time() - t0
length(unique(results)) == 1 || error("the workers' checksums differ: $(unique(results))")
println(elapsed, '\t', first(results))
