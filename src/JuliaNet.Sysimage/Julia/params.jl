# params.jl — the build's params file, read in this one place, and what each key means. Julia
# 1.5 – 1.12. julia-sysimage writes the file (src/JuliaNet.Core/Building/BuildParams.cs, the keys
# named once in BuildParamKeys.cs) and passes its path in JULIA_NET_BUILD_PARAMS; each build
# script reads it with
#     params = Base.include(<its module>, joinpath(@__DIR__, "params.jl"))
# The value of this file is a NamedTuple, one field per key (below): a one-value key is a String,
# or `nothing` when absent; a repeatable key is a Vector, empty when absent.
#
# Format: UTF-8 text, one `key=value` per line; a repeated key is a list, in order (a one-value
# key keeps its last value); blank lines and `#` comments are ignored. Values carry backslash
# escapes (\\, \n, \r) so that any path, newlines included, survives. A key not listed below is
# an error: julia-sysimage and these scripts disagree.
#
# No function is defined here (no closure, comprehension or do-block either), only a top-level
# `let`: trace.jl reads the params under --trace-compile, and a function of ours compiled there
# would be a statement in the trace that cannot replay in the image.
let file = ENV["JULIA_NET_BUILD_PARAMS"], values = Dict{String,Vector{String}}(),
    ids = Dict("package" => Base.PkgId[], "dependency" => Base.PkgId[])
    for (n, raw) in enumerate(eachline(file))
        line = String(endswith(raw, '\r') ? chop(raw) : raw)
        (isempty(strip(line)) || startswith(lstrip(line), '#')) && continue
        i = findfirst(isequal('='), line)
        i === nothing && error("$file:$n: expected key=value")
        push!(get!(values, String(strip(line[1:prevind(line, i)])), String[]), unescape_string(line[nextind(line, i):end]))
    end
    # `Name UUID`: the package's exact identity, as the project's manifest gives it
    for (key, list) in ids, spec in get(values, key, String[])
        parts = split(spec, ' ')
        length(parts) == 2 || error("$file: $key=$spec: expected `Name UUID`")
        push!(list, Base.PkgId(Base.UUID(String(parts[2])), String(parts[1])))
    end
    params = (
        # the object step's report (build_image.jl's header has its lines); required there
        report = last(get(values, "report", [nothing])),
        # where the object step writes the statement lines that failed to replay
        failed_statements = last(get(values, "failed_statements", [nothing])),
        # the julia-net to record for Base.julia_exename() (build_image.jl's record_launcher!),
        # and the julia_cmd() program verify.jl expects; absent or empty: none recorded
        launcher = last(get(values, "launcher", [nothing])),
        # --strict: the object step stops, with no object, when more than this percent of the
        # replayable statements fail
        strict_max_failed_percent = last(get(values, "strict_max_failed_percent", [nothing])),
        # Sys.STDLIB of a normal process of this Julia (probe.jl's `stdlib=`), restored in the
        # object step; absent: <bindir>/../share/julia/stdlib/vX.Y
        stdlib = last(get(values, "stdlib", [nothing])),
        # the requested packages: loaded, and `import`ed into Main by the object step
        package = ids["package"],
        # what the requested packages need: loaded only
        dependency = ids["dependency"],
        # the precompile execution scripts trace.jl runs, in order
        script = get(values, "script", String[]),
        # files of `precompile(...)` lines the object step replays (the user's, then the trace)
        statements = get(values, "statements", String[]),
        # written by trace.jl: `Name UUID` of every package loaded after the scripts ran; the
        # object step loads the standard libraries among them, so that their statements replay
        script_modules = last(get(values, "script_modules", [nothing])),
        # "yes": the image is for Distributed's workers (--distributed, or Distributed among the
        # packages); trace.jl then runs workers.jl's session with local workers after the scripts
        # (it does so too when a script did `using Distributed`)
        workers = last(get(values, "workers", [nothing])),
        # one trace file per local worker of that session (their --trace-compile); the object
        # step replays those that exist
        worker_statements = get(values, "worker_statements", String[]),
    )
    for key in keys(values)
        haskey(params, Symbol(key)) || error("$file: unknown key $key")
    end
    params
end
