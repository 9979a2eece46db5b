#!/usr/bin/env bash
# The live Java heap of one search at fixed step counts, which the machine's load does not move (unlike a
# timed soak): `explain --task add_two` with the datapoint limit lifted, as environment/soak_explain.sh
# runs it, but on one PyTorch thread and bounded by steps. When the search has taken each STEP steps (its
# progress line), a full GC, then the class histogram to OUT_DIR/histo-STEP.txt; the process is ended after
# the last one, before its final reranking. Measures; asserts nothing.
#
#   environment/heap_by_step.sh OUT_DIR STEP...        e.g. environment/heap_by_step.sh target/heap 100 300
#
# MODEL (default models/default). PROMPTSCOPE_JAR: the jar to run (default: this checkout's build), so that
# an older build can be measured the same way. Prints one line per histogram: the step reached, then the
# live heap in bytes and instances.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 2 ] || { echo "usage: $0 OUT_DIR STEP..." >&2; exit 2; }
out="$1"; shift
mkdir -p "$out"
last="${*: -1}"
export OMP_WAIT_POLICY=PASSIVE
export PROMPTSCOPE_JAVA_OPTS="${PROMPTSCOPE_JAVA_OPTS:--Xmx2g} -Dai.djl.pytorch.num_threads=1 -Dpromptscope.progress=line"
"$repo/promptscope" explain --task add_two --model "${MODEL:-$repo/models/default}" --steps $((last + 10)) \
  --max-datapoints 100000 --results "$out/records" >"$out/explain.out" 2>"$out/explain.err" &
pid=$! # the launcher execs java: this is the JVM
steps_done() { # the last "k/total" of the progress line, which rewrites itself with \r
  { tr '\r' '\n' <"$out/explain.out" | grep -o ' [0-9]*/[0-9]* (' || true; } | tail -1 | tr -d ' (' | cut -d/ -f1
}
for step in "$@"; do
  while :; do
    kill -0 "$pid" 2>/dev/null || { echo "heap_by_step: explain ended early: $out/explain.err" >&2; exit 1; }
    done_now="$(steps_done)"
    [ "${done_now:-0}" -ge "$step" ] && break
    sleep 2
  done
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.class_histogram >"$out/histo-$step.txt"
  echo "step $done_now: $(grep '^Total' "$out/histo-$step.txt")"
done
kill "$pid"
wait "$pid" 2>/dev/null || true
