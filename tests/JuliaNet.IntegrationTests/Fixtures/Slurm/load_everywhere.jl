# A master that adds TEST_WORKERS workers through srun and has all of them load the package
# Extra at once (it is not in the image; the master never loads it). Prints what each worker's
# Extra.extra(1) returned, space-separated.
include(joinpath(@__DIR__, "slurm_manager.jl"))

workers = addprocs_slurm(parse(Int, ENV["TEST_WORKERS"]); timeout = 240)
results = asyncmap(p -> remotecall_fetch(() -> (Core.eval(Main, :(using Extra)); Base.invokelatest(() -> Main.Extra.extra(1))), p), workers)
println(join(results, ' '))
