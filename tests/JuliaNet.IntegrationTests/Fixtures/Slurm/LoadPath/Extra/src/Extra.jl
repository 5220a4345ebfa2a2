# A package outside every test image. Each compilation of its cache appends the compiling
# process's pid to the file TEST_COMPILATIONS names (the process that writes the cache is the
# one generating output), so the tests count compilations.
module Extra
if ccall(:jl_generating_output, Cint, ()) == 1
    open(ENV["TEST_COMPILATIONS"], "a") do io
        println(io, getpid())
    end
end
extra(x) = x + 1
# Enough code that a compilation takes a moment, so that racing workers overlap.
for i in 1:200
    @eval $(Symbol(:g, i))(x) = (x, $i, string(x))
end
end
