# link_info.jl — probe a Julia installation for julia-sysimage (Julia 1.5 – 1.12).
#
# Run (normal process, in the USER's environment so DEPOT_PATH is the user's):
#   julia --startup-file=no --color=no <dir>/link_info.jl
# Inputs:  none (no ENV read besides what Julia itself reads: JULIA_DEPOT_PATH, ...).
# Output:  stdout only, one `key=value` per line (UTF-8, '\n'); repeated keys are lists, in order:
#   julia_version=1.5.3            VERSION
#   julia_bin=/usr/bin/julia       resolved executable of this process
#   bindir=/usr/bin                Sys.BINDIR
#   stdlib=/usr/share/julia/...    Sys.STDLIB  (pass to build_image.jl as `stdlib=`)
#   image_file=...                 the image this process runs (= default base image if no -J given)
#   cpu_target=native              JLOptions().cpu_target of this process
#   dlext=so                       image file extension (so|dylib|dll)
#   path_sep=:                     separator for JULIA_DEPOT_PATH / JULIA_LOAD_PATH (';' on Windows)
#   depot=<dir>                    DEPOT_PATH entries, in order (repeated)
#   libjulia=<file>                loaded libjulia (from Libdl.dllist(); Libdl.dlpath crashes on
#                                  Debian-12 + Julia 1.5.3 without the libunwind fix)
#   libjulia_internal=<file>       1.6+ only
#   libdir=<dir>                   dirname(libjulia)
#   private_libdir=<dir>           dirname(libjulia_internal) (1.6+), else abspath(BINDIR, Base.PRIVATE_LIBDIR)
#   cflag=<arg>                    arch flags for the C compiler (repeated), e.g. -m64, -march=x86-64
#   whole_archive_begin=<arg>      -Wl,--whole-archive (Linux/Windows) | -Wl,-all_load (macOS)
#   whole_archive_end=<arg>        -Wl,--no-whole-archive (omitted on macOS)
#   ldflag=<arg>                   -L<dir> flags (repeated)
#   ldlib=<arg>                    libraries to link (repeated):
#                                    1.5:  -ljulia, or -l:libjulia.so.1 when the unversioned
#                                          libjulia.so (libjulia-dev) is absent (GNU ld only)
#                                    1.6+: -ljulia-internal and -ljulia (same rule each)
#                                    Windows also -lopenlibm
#   extra_ldflag=<arg>             -fPIC (Unix), -Wl,--export-all-symbols (Windows, Julia >= 1.11)
# Exit code 0; nonzero only if libjulia cannot be found among the loaded libraries.
# The C# tool assembles:  cc cflag... -shared -o <out> whole_archive_begin <obj> whole_archive_end
#                         ldflag... ldlib... extra_ldflag... [-Wl,-soname,<basename(out)> on Linux]

using Libdl

function emit(k, v)
    s = string(v)
    occursin('\n', s) && error("value for $k contains a newline")
    println(stdout, k, '=', s)
end

# A loaded library whose file name starts with `stem` followed by '.', e.g. libjulia.so.1
function loaded_lib(stem::String)
    for p in Libdl.dllist()
        b = basename(p)
        if startswith(b, stem * ".") || b == stem
            return abspath(p)   # normalises /usr/bin/../lib/... without resolving symlinks
        end
    end
    return nothing
end

# Linker flag for a library file: -lNAME if an unversioned lib<NAME>.<dlext> exists next to it
# (or on macOS/Windows), else GNU ld's -l:<file> (Debian without libjulia-dev).
function lib_flag(file::String)
    b = basename(file)
    name = replace(first(split(b, '.')), r"^lib" => "")
    if Sys.iswindows() || Sys.isapple() || isfile(joinpath(dirname(file), "lib$name.$(Libdl.dlext)"))
        return "-l$name"
    end
    return "-l:$b"
end

function main()
    debug = ccall(:jl_is_debugbuild, Cint, ()) != 0
    suffix = debug ? "-debug" : ""
    emit("julia_version", VERSION)
    emit("julia_bin", unsafe_string(Base.JLOptions().julia_bin))
    emit("bindir", Sys.BINDIR)
    emit("stdlib", Sys.STDLIB)
    emit("image_file", unsafe_string(Base.JLOptions().image_file))
    emit("cpu_target", unsafe_string(Base.JLOptions().cpu_target))
    emit("dlext", Libdl.dlext)
    emit("path_sep", Sys.iswindows() ? ';' : ':')
    for d in DEPOT_PATH
        emit("depot", d)
    end

    libjulia = loaded_lib("libjulia" * suffix)
    libjulia === nothing && (println(stderr, "link_info: libjulia not among loaded libraries"); exit(2))
    emit("libjulia", libjulia)
    internal = VERSION >= v"1.6.0-DEV.1673" ? loaded_lib("libjulia-internal" * suffix) : nothing
    internal === nothing || emit("libjulia_internal", internal)
    libdir = dirname(libjulia)
    private_libdir = internal !== nothing ? dirname(internal) : abspath(Sys.BINDIR, Base.PRIVATE_LIBDIR)
    emit("libdir", libdir)
    emit("private_libdir", private_libdir)

    arch = Sys.ARCH
    cflags = arch === :x86_64 ? ["-m64", "-march=x86-64"] :
             arch === :i686 ? ["-m32", "-march=pentium4"] :
             arch === :aarch64 ? ["-march=armv8-a+crypto+simd"] :
             arch === :arm ? ["-march=armv7-a+simd"] : String[]
    foreach(f -> emit("cflag", f), cflags)
    if Sys.isapple()
        emit("whole_archive_begin", "-Wl,-all_load")
    else
        emit("whole_archive_begin", "-Wl,--whole-archive")
        emit("whole_archive_end", "-Wl,--no-whole-archive")
    end
    emit("ldflag", "-L" * libdir)
    private_libdir != libdir && emit("ldflag", "-L" * private_libdir)
    internal === nothing || emit("ldlib", lib_flag(internal))
    emit("ldlib", lib_flag(libjulia))
    Sys.iswindows() && emit("ldlib", "-lopenlibm")
    if Sys.iswindows()
        VERSION >= v"1.11" && emit("extra_ldflag", "-Wl,--export-all-symbols")
    else
        emit("extra_ldflag", "-fPIC")
    end
end

main()
