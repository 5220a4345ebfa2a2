module Greeter

using Printf

export greet, workload

"Return a greeting for `name`."
greet(name::AbstractString) = "Hello, " * name * "!"
greet(name) = greet(string(name))

# A small parametric container and a moderately generic pipeline over it:
# every element type gets its own specializations of the whole chain.
struct Tagged{T}
    tag::Symbol
    values::Vector{T}
end

# @generated: an unrolled sum over an NTuple; one method body per tuple length/type.
@generated function unrolled_sum(t::NTuple{N,T}) where {N,T}
    N == 0 && return :(zero(T))
    ex = :(t[1])
    for i in 2:N
        ex = :($ex + t[$i])
    end
    return ex
end

@generated function unrolled_prod(t::NTuple{N,T}) where {N,T}
    N == 0 && return :(one(T))
    ex = :(t[1])
    for i in 2:N
        ex = :($ex * t[$i])
    end
    return ex
end

function describe(x::Tagged{T}) where {T}
    v = x.values
    s = sort(v; by = abs)
    counts = Dict{T,Int}()
    for e in v
        counts[e] = get(counts, e, 0) + 1
    end
    m = sum(s) / length(s)
    tup = ntuple(i -> v[mod1(i, length(v))], Val(8))
    parts = String[]
    push!(parts, @sprintf("%-8s n=%3d", String(x.tag), length(v)))
    push!(parts, @sprintf("mean=%.4f", Float64(real(m))))
    push!(parts, @sprintf("usum=%.3f", Float64(real(unrolled_sum(tup)))))
    push!(parts, @sprintf("uprod=%.3e", Float64(abs(unrolled_prod(tup)))))
    push!(parts, "distinct=$(length(counts)) first=$(repr(first(s))) last=$(repr(last(s)))")
    return join(parts, "  ")
end

"Exercise the package over several element types; the first call compiles a lot."
function workload()
    lines = String[]
    push!(lines, greet("world"))
    push!(lines, greet(:symbol))
    push!(lines, describe(Tagged(:int, collect(-5:12))))
    push!(lines, describe(Tagged(:int32, Int32[3, -1, 4, 1, -5, 9, 2, 6])))
    push!(lines, describe(Tagged(:float, [0.5 * i - 2 for i in 1:15])))
    push!(lines, describe(Tagged(:float32, Float32[1.5, -2.25, 3.0, 0.125, 7.75])))
    push!(lines, describe(Tagged(:rational, [i // 7 for i in -3:9])))
    push!(lines, describe(Tagged(:complex, [complex(i, -i / 2) for i in 1.0:6.0])))
    push!(lines, describe(Tagged(:bigint, BigInt[2, 3, 5, 7, 11, 13])))
    return lines
end

end # module
