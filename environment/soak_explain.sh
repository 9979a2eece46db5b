#!/usr/bin/env bash
# Memory over one long search (issue 16: "over a 30-minute search RSS grows by no more than 5% after
# the first 5 minutes"): one `explain --task add_two` whose only limit is the time, its resident
# memory read every EVERY seconds by rss_watch.sh, then one JSON line comparing the reading at 5
# minutes with the highest one after it. Measures; asserts nothing.
#
#   environment/soak_explain.sh [OUT_DIR]
#
# MINUTES (default 30): the search's --max-minutes; the final reranking runs after it and is
#   reported apart (its batches are larger, so it is not drift).
# MODEL (default models/default), THREADS (default 2), DTYPE (default float32), EVERY (default 5).
# PROMPTSCOPE_JAR: the jar to run (default: this checkout's build), as for bench_iprompt.sh.
# The datapoint limit is lifted (--max-datapoints 100000, about 25 MB of rows built at the
# start) so that the quick preset's 1,000 rows do not end the search at about 60 steps.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${MINUTES:-30}"
out_dir="${1:-$repo/target/soak-explain}"
mkdir -p "$out_dir"
rss="$out_dir/rss.tsv"
: >"$rss"
export PROMPTSCOPE_JAVA_OPTS="${PROMPTSCOPE_JAVA_OPTS:--Xmx2g} -Dai.djl.pytorch.num_threads=${THREADS:-2}"
echo "soak: explain --task add_two for $minutes min on ${MODEL:-models/default}, ${THREADS:-2} threads," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$repo/promptscope" explain --task add_two --model "${MODEL:-$repo/models/default}" --dtype "${DTYPE:-float32}" \
  --steps 100000000 --max-minutes "$minutes" --max-datapoints 100000 --results "$out_dir/records" \
  >"$out_dir/explain.out" 2>"$out_dir/explain.err" &
pid=$! # the launcher execs java: this is the JVM
# where the memory is (environment/rss_breakdown.py) at 5 minutes and just before the time limit
start=$(date +%s)
( for at in 300 $(( ${minutes%.*} * 60 - 15 )); do
    wait_s=$(( at - ($(date +%s) - start) ))
    [ "$wait_s" -gt 0 ] && sleep "$wait_s"
    kill -0 "$pid" 2>/dev/null && python3 "$repo/environment/rss_breakdown.py" "$pid" >"$out_dir/breakdown-$at.txt" 2>&1
  done ) &
sampler=$!
"$repo/environment/rss_watch.sh" --every "${EVERY:-5}" --out "$rss" --pid "$pid"
status=0; wait "$pid" || status=$?
kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
[ "$status" = 0 ] || { echo "soak: explain failed: $out_dir/explain.err" >&2; exit 1; }
python3 - "$rss" "$minutes" "$out_dir/explain.out" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'EOF'
import json, re, sys
from statistics import median
path, minutes, explain_out, load = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = [tuple(map(int, l.split("\t"))) for l in open(path) if l[:1].isdigit()]
search_end = minutes * 60
at5 = next((r for r in rows if r[0] >= 300), None)
during = [r for r in rows if at5 and at5[0] <= r[0] <= search_end]
after = [r for r in rows if r[0] > search_end]
last5 = [r[1] for r in during if r[0] > search_end - 300]
summary = open(explain_out, encoding="utf-8").read()
m = re.search(r": (\d+) steps, (\d+) candidates scored, (\d+) s", summary)
top = re.search(r'^\s*1\s+"(.*)"', summary, re.M)
res = {"benchmark": "soak explain", "minutes": minutes, "load_after": load,
       "steps": m and int(m.group(1)), "candidates": m and int(m.group(2)), "top": top and top.group(1),
       "rss_mb_at_5_min": at5 and at5[1],
       "max_rss_mb_after_5_min": max(r[1] for r in during) if during else None,
       "last_rss_mb_of_search": during[-1][1] if during else None,
       "growth_after_5_min_pct": round(100 * (max(r[1] for r in during) - at5[1]) / at5[1], 2) if during else None,
       # the level the search ends at, less sensitive to one reading's spike than the maximum
       "median_rss_mb_last_5_min": median(last5) if last5 else None,
       "median_growth_after_5_min_pct": round(100 * (median(last5) - at5[1]) / at5[1], 2) if last5 else None,
       # readings swing by tens of MB within a minute (a pass's activations, then a trim of the freed
       # pages), so one reading at minute 5 is a noisy base: per-minute medians compare levels
       "minute_medians_mb": [median(r[1] for r in rows if m * 60 <= r[0] < (m + 1) * 60)
                             for m in range(int(minutes)) if any(m * 60 <= r[0] < (m + 1) * 60 for r in rows)],
       "final_reranking_max_rss_mb": max(r[1] for r in after) if after else None,
       "peak_rss_mb": rows[-1][2] if rows else None, "readings": len(rows)}
mm = res["minute_medians_mb"]
if len(mm) > 5:
    res["minute_5_median_mb"] = mm[5]
    res["last_5_min_growth_over_minute_5_pct"] = round(100 * (median(mm[-5:]) - mm[5]) / mm[5], 2)
    res["max_minute_median_growth_over_minute_5_pct"] = round(100 * (max(mm[5:]) - mm[5]) / mm[5], 2)
print(json.dumps(res))
EOF
