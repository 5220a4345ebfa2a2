# The addprocs line of the cluster part: from just before `using Distributed` until addprocs of
# BENCH_WORKERS local workers has returned and every worker has answered one
# remotecall_fetch(myid, p); prints those seconds. Distributed's default exename and exeflags
# start the workers, so with an image they run on it too, and JULIA_PROJECT (set by the suite)
# reaches them through the environment. Each step is a top-level statement of its own: Julia
# 1.12 runs each one in the latest world, so `addprocs` must not share a block with `using`.
const t0 = time()

using Distributed

const pids = addprocs(parse(Int, ENV["BENCH_WORKERS"]))

const answers = asyncmap(p -> remotecall_fetch(myid, p), pids)

const elapsed = time() - t0

answers == pids || error("the workers answered $(answers), not their ids $(pids)")

println(elapsed)
