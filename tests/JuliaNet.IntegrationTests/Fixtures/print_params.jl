# Reads the params file in JULIA_NET_BUILD_PARAMS with params.jl (the path in ARGS[1]), as the
# build scripts do, and writes one line per field: `key<TAB>values`, each value `x` followed by
# the hex of its UTF-8 bytes (so every byte can be compared), separated by spaces; a package as
# `Name UUID`; an absent one-value key as `nothing`.
params = Base.include(Main, ARGS[1])
for (key, value) in pairs(params)
    words = value === nothing ? ["nothing"] :
        ["x" * bytes2hex(codeunits(v isa Base.PkgId ? "$(v.name) $(v.uuid)" : v)) for v in (value isa Vector ? value : [value])]
    println(key, '\t', join(words, ' '))
end
