#!/usr/bin/env bash
# Resident memory of a process over time, for memory goals stated as "RSS at 5 minutes vs at the end"
# (README, "Benchmark"; RELIABILITY.md, "Memory and load").
#
#   environment/rss_watch.sh [--every SECONDS] [--out FILE] -- COMMAND [ARGS...]
#   environment/rss_watch.sh [--every SECONDS] [--out FILE] --pid PID
#
# Starts COMMAND (or watches PID) and writes one line every SECONDS (default 10) until it exits:
# seconds since start, resident MB (VmRSS) and peak resident MB so far (VmHWM), tab-separated,
# to FILE (default stderr, so COMMAND's stdout stays its own). The launcher execs java, so the PID of
# `./promptscope ...` is the JVM's. Exits with COMMAND's status.
set -euo pipefail
every=10 out=/dev/stderr pid=""
while [ $# -gt 0 ]; do
  case "$1" in
    --every) every="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --pid) pid="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "rss_watch: unknown argument $1 (usage: rss_watch.sh [--every S] [--out FILE] -- COMMAND | --pid PID)" >&2; exit 2 ;;
  esac
done
if [ -z "$pid" ]; then
  [ $# -gt 0 ] || { echo "rss_watch: give a COMMAND after -- or --pid PID" >&2; exit 2; }
  "$@" &
  pid=$!
fi
mb() { awk -v k="$1:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null; }
start=$(date +%s)
printf 'seconds\trss_mb\tpeak_rss_mb\n' >>"$out"
while kill -0 "$pid" 2>/dev/null; do
  rss=$(mb VmRSS) hwm=$(mb VmHWM)
  [ -n "$rss" ] && printf '%d\t%s\t%s\n' "$(( $(date +%s) - start ))" "$rss" "$hwm" >>"$out"
  sleep "$every"
done
# wait only works for our own child; a watched --pid has no status to give
if [ $# -gt 0 ]; then wait "$pid"; fi
