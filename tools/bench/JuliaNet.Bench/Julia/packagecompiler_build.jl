# packagecompiler_build.jl — written by the benchmark suite (tools/bench) into its work directory:
# builds the image of one package with PackageCompiler, from the same project and precompile script
# as julia-sysimage's build, for the comparison in docs/benchmarks.md.
#
# Run (the suite sets JULIA_PKG_OFFLINE=true and a JULIA_DEPOT_PATH of its own; JULIA_IMAGE_THREADS
# when the comparison forces it):
#   julia --startup-file=no --project=<ENVDIR> packagecompiler_build.jl <NAME> <PROJECT> <SCRIPT> <IMAGE>
# ENVDIR is an environment where `using PackageCompiler` works. PROJECT is the package's project
# (its manifest has the package): PackageCompiler puts it on the LOAD_PATH of the processes it
# starts (JULIA_LOAD_PATH for the script's run, --project for the image's).
using PackageCompiler

name, project, script, image = ARGS
create_sysimage([Symbol(name)]; sysimage_path = image, precompile_execution_file = script, project = project)
