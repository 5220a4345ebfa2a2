# A master that adds TEST_WORKERS workers through srun (slurm_manager.jl, with Distributed's
# default exename and exeflags) and prints one line per worker, tab-separated: its Julia
# command up to -J (Base.julia_cmd()), its image, its first depot, its SLURM task number, what a
# function of the package TEST_PACKAGE (uuid TEST_PACKAGE_UUID, in the image) returns there, and
# its own command line. A last line `master` and the master's first depot.
include(joinpath(@__DIR__, "slurm_manager.jl"))

const PACKAGE = Base.PkgId(Base.UUID(ENV["TEST_PACKAGE_UUID"]), ENV["TEST_PACKAGE"])

function facts(p, pkg)
    remotecall_fetch(p) do
        cmd = Base.julia_cmd().exec
        (join(cmd[1:findfirst(a -> startswith(a, "-J"), cmd)], ' '),
         unsafe_string(Base.JLOptions().image_file),
         DEPOT_PATH[1],
         ENV["SLURM_PROCID"],
         # from the image: the worker has no project that could load the package
         Base.root_module(pkg).workload() isa Float64,
         join(split(read("/proc/self/cmdline", String), '\0'; keepempty = false), ' '))
    end
end

for p in addprocs_slurm(parse(Int, ENV["TEST_WORKERS"]); timeout = 120)
    println(join(facts(p, PACKAGE), '\t'))
end
println("master\t", DEPOT_PATH[1])
