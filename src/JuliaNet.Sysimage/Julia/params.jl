# params.jl — the build's params file reader and the package specs it holds, included by
# precompile.jl, build_image.jl and verify.jl into their own helper modules. Format (see build_image.jl): one `key=value` per
# line, repeated keys are lists in order, blank lines and `#` comments ignored; values carry
# backslash escapes (\\, \n, \r) so that paths with newlines survive.
function read_params(path::AbstractString)
    d = Dict{String,Vector{String}}()
    for (n, raw) in enumerate(eachline(path))
        line = String(endswith(raw, '\r') ? chop(raw) : raw)
        (isempty(strip(line)) || startswith(lstrip(line), '#')) && continue
        i = findfirst(isequal('='), line)
        i === nothing && error("$path:$n: expected key=value")
        push!(get!(d, String(strip(line[1:prevind(line, i)])), String[]), unescape_string(line[nextind(line, i):end]))
    end
    return d
end

# A package spec of the params file (`package=` / `dependency=`): `Name UUID`, or `Name` alone,
# then resolved in the active project.
function pkg_id(spec::AbstractString)
    parts = split(strip(spec))
    name = String(parts[1])
    length(parts) >= 2 && return Base.PkgId(Base.UUID(String(parts[2])), name)
    id = Base.identify_package(name)
    id === nothing && error("package $name not found in the active project/load path")
    return id
end
