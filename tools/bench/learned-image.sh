#!/usr/bin/env bash
# The learned image's scene (issue 31), rerunnable: does an image built from what a project's own
# runs compiled (no precompile script) start as fast as one built from its precompile script, and
# what does learning cost a run?
#
# Usage (from the repository root, after `dotnet cake --target=Publish` and a bench run that
# generated artifacts/bench/synth-60, e.g. `dotnet cake --target=Bench --cluster-only`):
#   tools/bench/learned-image.sh [JULIA] [RUNS]
# JULIA defaults to julia on PATH, RUNS (hyperfine runs per command) to 10. Writes
# artifacts/bench/learned-JULIAVERSION/learned.md (the figures, as docs/benchmarks.md shows them)
# and hyperfine's JSON beside it. Takes 10 to 20 minutes (two image builds).
#
# The scene: Synth60's project without its precompile.jl. (1) The cost of learning: the workload's
# first call on Julia's default image, learning off against on (JULIA_NET_STALE=ignore: no build
# starts). (2) One run of the workload through julia-net with learning on; the next launch merges
# what it learned and starts the project image's build in the background, as a user gets it; the
# script waits for that build. (3) The first result: plain julia (package images on 1.9+), julia-net
# on the learned image, julia-net on the image built from the package's precompile.jl, in one
# hyperfine run. (4) The cost of learning on a run that compiles (nearly) nothing: the workload on
# the learned image, learning off against on.
set -euo pipefail

JULIA=$(command -v "${1:-julia}")
RUNS=${2:-10}
ROOT=$PWD
BIN=$ROOT/artifacts/bin
SOURCE=$ROOT/artifacts/bench/synth-60
[[ -x $BIN/julia-net && -x $BIN/julia-sysimage ]] || { echo "learned-image: no $BIN/julia-net: run dotnet cake --target=Publish" >&2; exit 1; }
[[ -f $SOURCE/precompile.jl ]] || { echo "learned-image: no $SOURCE: run a bench first (dotnet cake --target=Bench --cluster-only generates it)" >&2; exit 1; }
VERSION=$("$JULIA" --startup-file=no -e 'print(VERSION)')
WORK=$ROOT/artifacts/bench/learned-$VERSION
# KEEP=1 keeps the scripted image and step (1)'s figures of an earlier run of this Julia.
[[ ${KEEP:-} == 1 ]] || rm -rf "$WORK"
rm -rf "$WORK/project" "$WORK/cache" "$WORK/depot"
mkdir -p "$WORK"
cp -r "$SOURCE" "$WORK/project"
rm "$WORK/project/precompile.jl"
P=$WORK/project
export JULIA_NET_CACHE_DIR=$WORK/cache JULIA_DEPOT_PATH=$WORK/depot JULIA_NET_JULIA=$JULIA
unset JULIA_PROJECT JULIA_LOAD_PATH JULIA_NET_SYSIMAGE JULIA_NET_LEARN JULIA_NET_STALE
WORKLOAD='using Synth60; Synth60.workload()'
say() { echo "learned-image: $*" >&2; }

say "Julia $VERSION ($JULIA); precompiling Synth60"
"$JULIA" --startup-file=no --project="$P" -e 'using Synth60' >/dev/null
say "the image from Synth60's precompile.jl (the scripted image)"
[[ -f $WORK/scripted.so ]] || "$BIN/julia-sysimage" --quiet --julia "$JULIA" --project "$P" --script "$SOURCE/precompile.jl" "$WORK/scripted.so"

say "(1) learning's cost on a run that compiles a lot: the first call on Julia's default image, off / on"
[[ -f $WORK/cost-compiling.json ]] || hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/cost-compiling.json" \
  -n "learning off" "env JULIA_NET_LEARN=0 JULIA_NET_STALE=ignore $BIN/julia-net --startup-file=no --project=$P -e '$WORKLOAD'" \
  -n "learning on" "env JULIA_NET_LEARN=1 JULIA_NET_STALE=ignore $BIN/julia-net --startup-file=no --project=$P -e '$WORKLOAD'"
"$BIN/julia-sysimage" forget --project "$P" --julia "$JULIA"

say "(2) one learning run, then the launch that starts the image's build in the background"
JULIA_NET_LEARN=1 "$BIN/julia-net" --startup-file=no --project="$P" -e "$WORKLOAD"
start=$(date +%s)
JULIA_NET_LEARN=1 "$BIN/julia-net" --startup-file=no --project="$P" -e 0
until JULIA_NET_LEARN=1 "$BIN/julia-sysimage" status --project "$P" --julia "$JULIA" --json > "$WORK/status.json" 2>/dev/null \
      && python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); sys.exit(0 if s["backgroundRebuild"] is None else 1)' "$WORK/status.json"; do
  (( $(date +%s) - start < 1800 )) || { say "the background build did not end within 30 minutes"; exit 1; }
  sleep 5
done
built=$(( $(date +%s) - start ))
say "the learned image was built in the background in ${built}s"

say "(3) the first result: plain julia, the learned image, the scripted image"
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/first-result.json" \
  -n "plain julia" "$JULIA --startup-file=no --project=$P -e '$WORKLOAD'" \
  -n "learned image" "env JULIA_NET_LEARN=1 JULIA_NET_STALE=ignore $BIN/julia-net --startup-file=no --project=$P -e '$WORKLOAD'" \
  -n "scripted image" "env JULIA_NET_LEARN=0 $BIN/julia-net --startup-file=no --sysimage $WORK/scripted.so --project=$P -e '$WORKLOAD'"

say "(4) learning's cost on a run that compiles (nearly) nothing: the workload on the learned image, off / on"
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/cost-idle.json" \
  -n "learning off" "env JULIA_NET_LEARN=0 JULIA_NET_STALE=ignore $BIN/julia-net --startup-file=no --project=$P -e '$WORKLOAD'" \
  -n "learning on" "env JULIA_NET_LEARN=1 JULIA_NET_STALE=ignore $BIN/julia-net --startup-file=no --project=$P -e '$WORKLOAD'"

python3 - "$WORK" "$VERSION" "$RUNS" "$built" "$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' with local changes')" <<'PY' > "$WORK/learned.md"
import json, sys, datetime, os
work, version, runs, built, commit = sys.argv[1:]
def medians(name):
    results = json.load(open(os.path.join(work, name)))["results"]
    return {r["command"]: r["median"] for r in results}
c, f, i = medians("cost-compiling.json"), medians("first-result.json"), medians("cost-idle.json")
load = open("/proc/loadavg").read().split()[0]
print(f"Measured by `tools/bench/learned-image.sh` on {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC (commit {commit}, Julia {version}, "
      f"{os.cpu_count()} cores, load average {load} at the end), hyperfine medians of {runs} runs after 1 warm-up. "
      f"Synth60's project without its precompile.jl; the learned image was built in the background, as julia-net starts it, in {built} s.")
print()
print("| first result of `Synth60.workload()` | median | against plain julia | against the scripted image |")
print("|---|---|---|---|")
for name in ["plain julia", "scripted image", "learned image"]:
    print(f"| {name} | {f[name]:.2f} s | {f['plain julia'] / f[name]:.1f}x faster | {f[name] / f['scripted image']:.2f} |")
print()
print(f"Learning's cost: a run that compiles a lot (the first call on Julia's default image) {c['learning on'] / c['learning off']:.3f} "
      f"({c['learning off']:.2f} s off, {c['learning on']:.2f} s on); a run on the learned image, which compiles next to nothing, "
      f"{i['learning on'] / i['learning off']:.3f} ({i['learning off']:.3f} s off, {i['learning on']:.3f} s on).")
PY
cat "$WORK/learned.md"
