# probe.jl — what julia-net and julia-sysimage learn by running a Julia binary once
# (Julia 1.5 – 1.12). JuliaInfoStore runs it with JULIA_DEPOT_PATH, JULIA_LOAD_PATH and
# JULIA_PROJECT unset, and caches the output per binary:
#   julia --startup-file=no --history-file=no -e <keyvalue.jl's text, then this file's>
# Output: stdout, one `key=value` per line (keyvalue.jl: values escaped); repeated keys are
# lists, in order. Change JuliaInfoRecord.ProbeFormat with the keys.
#   version=1.5.3              VERSION
#   image=<file>               the default system image (JLOptions().image_file: Debian's
#                              multiarch layout moves it, so it is asked for, not derived)
#   depot=<dir>                a default depot after the user's own ~/.julia (repeated)
#   stdlib=<dir>               Sys.STDLIB (build_image.jl restores it in the --output-o process)
#   libjulia=<file>            the loaded libjulia, which images link against (from
#                              Libdl.dllist(): Libdl.dlpath crashes on Debian 12 + Julia 1.5.3
#                              without the libunwind fix); absent when not found
#   libjulia_internal=<file>   1.6+ only: the loaded libjulia-internal, linked too
#   private_libdir=<dir>       dirname(libjulia_internal), else abspath(BINDIR, PRIVATE_LIBDIR)

using Libdl

emit(key, value) = kv_line(stdout, key, value)

# A loaded library whose file name is `stem` or starts with `stem.` (e.g. libjulia.so.1).
function loaded_library(stem)
    for path in Libdl.dllist()
        name = basename(path)
        (name == stem || startswith(name, stem * ".")) && return abspath(path) # /usr/bin/../lib -> /usr/lib
    end
    return nothing
end

emit("version", VERSION)
emit("image", unsafe_string(Base.JLOptions().image_file))
let user_depot = joinpath(homedir(), ".julia")
    foreach(depot -> depot == user_depot || emit("depot", depot), DEPOT_PATH)
end
emit("stdlib", Sys.STDLIB)

let suffix = ccall(:jl_is_debugbuild, Cint, ()) != 0 ? "-debug" : ""
    libjulia = loaded_library("libjulia" * suffix)
    # Julia 1.6 split libjulia into libjulia and libjulia-internal (both linked into images, as
    # PackageCompiler's juliaconfig.jl `ldlibs` does); libjulia-codegen (1.10+) is a plugin
    # libjulia-internal loads, never linked.
    internal = VERSION >= v"1.6.0-DEV.1673" ? loaded_library("libjulia-internal" * suffix) : nothing
    libjulia === nothing || emit("libjulia", libjulia)
    internal === nothing || emit("libjulia_internal", internal)
    emit("private_libdir", internal === nothing ? abspath(Sys.BINDIR, Base.PRIVATE_LIBDIR) : dirname(internal))
end
