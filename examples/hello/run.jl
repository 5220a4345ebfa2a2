# The example's script: time to first result (loading Greeter and its first workload call).
t = @elapsed begin
    @eval using Greeter
    result = Greeter.workload()
end
println("first result in ", round(t; digits = 4), " s: ", result[1])
