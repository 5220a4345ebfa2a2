#!/usr/bin/env bash
# How many of a real test suite's compiled signatures an image gets (issue 31), rerunnable: a
# standard library's own test suite is traced (--trace-compile); then, in a fresh Julia with the
# library and Test loaded, Julia's own `precompile` is asked about each statement (and how many
# methods match each, as PackageCompiler skips a statement that does not match exactly one); then
# julia-sysimage builds an image from the trace and says how many it replayed.
#
# Usage (from the repository root, after `dotnet cake --target=Publish`):
#   tools/bench/replay-count.sh [JULIA] [STDLIB]
# JULIA defaults to julia on PATH, STDLIB to Dates (any standard library whose tests ship with
# Julia under share/julia/stdlib). Writes artifacts/bench/replay-STDLIB-JULIAVERSION/replay.md.
# Takes a few minutes (the suite, then one image build).
set -euo pipefail

JULIA=$(command -v "${1:-julia}")
LIB=${2:-Dates}
ROOT=$PWD
BIN=$ROOT/artifacts/bin
[[ -x $BIN/julia-sysimage ]] || { echo "replay-count: no $BIN/julia-sysimage: run dotnet cake --target=Publish" >&2; exit 1; }
VERSION=$("$JULIA" --startup-file=no -e 'print(VERSION)')
TESTS=$("$JULIA" --startup-file=no -e "print(joinpath(Sys.STDLIB, \"$LIB\", \"test\", \"runtests.jl\"))")
[[ -f $TESTS ]] || { echo "replay-count: $LIB has no test suite in this Julia ($TESTS)" >&2; exit 1; }
WORK=$ROOT/artifacts/bench/replay-$LIB-$VERSION
rm -rf "$WORK"
mkdir -p "$WORK/env"
export JULIA_DEPOT_PATH=$WORK/depot JULIA_NET_CACHE_DIR=$WORK/cache
unset JULIA_PROJECT JULIA_LOAD_PATH JULIA_NET_SYSIMAGE JULIA_NET_LEARN

# The environment: the library and Test (the suite's statements name both), with a manifest of
# the standard libraries they need, written from their own Project.toml files (no registry).
"$JULIA" --startup-file=no -e '
    import Pkg; T = Pkg.TOML
    env, roots = ARGS[1], ARGS[2:end]
    projects = Dict{String,Any}(); todo = copy(roots)
    while !isempty(todo)
        name = pop!(todo); haskey(projects, name) && continue
        projects[name] = T.parsefile(joinpath(Sys.STDLIB, name, "Project.toml"))
        append!(todo, collect(keys(get(projects[name], "deps", Dict()))))
    end
    open(joinpath(env, "Project.toml"), "w") do io
        println(io, "[deps]"); foreach(n -> println(io, n, " = \"", projects[n]["uuid"], "\""), sort(roots))
    end
    open(joinpath(env, "Manifest.toml"), "w") do io
        for name in sort(collect(keys(projects)))
            deps = sort(collect(keys(get(projects[name], "deps", Dict()))))
            println(io, "[[", name, "]]")
            isempty(deps) || println(io, "deps = [", join(map(d -> "\"" * d * "\"", deps), ", "), "]")
            println(io, "uuid = \"", projects[name]["uuid"], "\"\n")
        end
    end' "$WORK/env" "$LIB" Test

# 1. The suite, traced.
echo "replay-count: running $LIB's tests on Julia $VERSION" >&2
(cd "$WORK" && "$JULIA" --startup-file=no --project="$WORK/env" --trace-compile="$WORK/trace.jl" "$TESTS" > "$WORK/tests.log" 2>&1) ||
    echo "replay-count: $LIB's tests did not all pass (see $WORK/tests.log); their trace is used as it is" >&2
sed -E -e 's/^#= *[0-9.]+ *ms *=# *//' -e 's/ # recompile$//' "$WORK/trace.jl" | grep '^precompile(' | sort -u > "$WORK/statements.jl"

# 2. Julia's own precompile, statement by statement, with the library and Test loaded.
"$JULIA" --startup-file=no --project="$WORK/env" -e "
    using Test, $LIB
    world = isdefined(Base, :get_world_counter) ? Base.get_world_counter() : typemax(UInt)
    accepted = 0; several = 0; ACCEPTED = open(ARGS[2], \"w\")
    for line in eachline(ARGS[1])
        ok = try
            ex = Meta.parse(line)
            tt = Core.eval(Main, ex.args[2])
            r = Core.eval(Main, ex) === true
            r && length(Base._methods_by_ftype(tt, -1, world)) != 1 && (global several += 1)
            r
        catch err
            err isa InterruptException && rethrow()
            false
        end
        ok && (global accepted += 1; println(ACCEPTED, line))
    end
    close(ACCEPTED)
    println(accepted, ' ', several)" "$WORK/statements.jl" "$WORK/accepted.jl" > "$WORK/accepted.txt"
read -r ACCEPTED SEVERAL < "$WORK/accepted.txt"

# 3. julia-sysimage's replay of the same statements.
echo "replay-count: building an image from $(wc -l < "$WORK/statements.jl") statements" >&2
"$BIN/julia-sysimage" "$WORK/sys.so" --project "$WORK/env" --julia "$JULIA" --precompile-statements "$WORK/statements.jl" 2> "$WORK/build.log" || {
    code=$?
    echo "replay-count: the image build failed (exit $code); its log is $WORK/build.log, which ends:" >&2
    tail -n 5 "$WORK/build.log" >&2
    exit 1
}
REPLAYED=$(sed -nE 's/.*precompile statements: ([0-9]+) of ([0-9]+) replayed.*/\1 \2/p' "$WORK/build.log")
read -r SUCCEEDED TRIED <<< "$REPLAYED"
# Accepted by precompile, yet among the build's failed statements (it lists them beside the image).
LOST=$(comm -12 <(sort -u "$WORK/accepted.jl") <(sort -u "$WORK/sys.so.failed-statements.jl" 2>/dev/null || true) | wc -l)

{
    echo "| Julia $VERSION, $LIB's test suite | statements |"
    echo "|---|---|"
    echo "| distinct statements traced | $(wc -l < "$WORK/statements.jl") |"
    echo "| accepted by Julia's own \`precompile\` (fresh Julia, $LIB and Test loaded) | $ACCEPTED |"
    echo "| of those, matched by more than one method (PackageCompiler skips them) | $SEVERAL |"
    echo "| replayed by julia-sysimage | $SUCCEEDED of $TRIED |"
    echo "| accepted by \`precompile\` but failed in the build | $LOST |"
} | tee "$WORK/replay.md"
rm -f "$WORK/sys.so" "$WORK/sys.so.json"
