# Precompile workload for the Greeter test project: calls the package's functions.
# Keep the calls at top level and outside loops/functions: --trace-compile only records the
# root of each compilation, so calls made from a compiled loop thunk or from a function defined
# here (Main.*) would not appear as replayable statements.
using Greeter
lines = Greeter.workload()
println(join(lines, '\n'))
println(greet("precompile"))
println(greet(:precompile))
