#!/usr/bin/env bash
# iPrompt side by side in one run: PromptScope `explain` and the original iPrompt (csinva/imodelsX,
# imodelsx.iprompt.api.explain_dataset_iprompt) on the same checkpoint, the same add_two rows (imodelsX's
# own 100, written once to a JSON Lines file both sides read) and the same settings (60 steps, 6 tokens,
# 3 shots, batch 16, final reranking, seed 1), back to back; then the float32 matmul probe (DJL and
# torch) and the reranking loop (PromptScope and transformers), so the scoring loop's GFLOP/s is a
# fraction of the peak measured in the same run. Measures; asserts nothing.
#
#   environment/bench_iprompt.sh [IMODELSX_GIT_DIR]
#
# IMODELSX_GIT_DIR (or the variable of that name): a git directory (bare is fine) of csinva/imodelsX;
#   needed on the first run only (the extracted source is cached).
# PEER_BENCH: the folder with the peer's setup.sh and imodelsx_iprompt.py (default: ../shared/bench
#   beside this checkout).
# MODELS: model folders, or "4x256" for a 4-layer, 256-wide GPT-2 trained briefly (TRAIN_STEPS, default
#   300) on the default corpus and cached (default: "models/default 4x256").
# DTYPES: PromptScope's matrix-multiply dtypes, each timed against the same peer run (default "float32";
#   "float32 bfloat16" adds the bfloat16 TorchScript path). The peer always runs float32, as imodelsX does.
# SOAK_MINUTES (default 0: skipped): then one search of that many minutes on models/default, its resident
#   memory at 5 minutes against its highest after (environment/soak_explain.sh).
# THREADS (default 2) for both sides; STEPS (default 60); SKIP_PROBES=1 skips matmul and rerank.
# PROMPTSCOPE_JAR: the jar to measure (default: a copy of this checkout's fresh build).
# MODELS may also name "gpt2-small-random": a GPT-2 small-shaped checkpoint (12 layers, 768 wide, 12 heads,
#   vocabulary 50,257, 1,024 positions, 124 M parameters) with transformers' random initialisation (seed 0),
#   built once by the peer venv's transformers into BENCH_CACHE/gpt2-small-random (about 500 MB, never
#   committed) in Hugging Face layout, which both PromptScope and transformers load. Its tokenizer is
#   models/default's (4,424 tokens): the workload's ids come from that tokenizer, so they stay below it,
#   and the head still multiplies all 50,257 rows. The entry runs only
#   the probes (an imodelsX end-to-end run at 124 M would take hours); PROBES_ONLY=1 does the same for
#   every entry.
# Each side's wall time and peak resident memory come from /usr/bin/time. Output: lines on stdout, and
# OUT (default target/bench-iprompt/summary.json) with every number.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="${PEER_BENCH:-$repo/../shared/bench}"
cache="${BENCH_CACHE:-$HOME/.cache/promptscope-bench}"
threads="${THREADS:-2}"
steps="${STEPS:-60}"
probe_models="${MODELS:-models/default 4x256}"
# the end-to-end runs: every entry but the probe-only ones
models=""
for m in $probe_models; do
  [ "$m" = gpt2-small-random ] || [ "${PROBES_ONLY:-0}" = 1 ] || models="$models $m"
done
out="${OUT:-$repo/target/bench-iprompt/summary.json}"
work="$(dirname "$out")"
fail() { echo "bench_iprompt: $*" >&2; exit 1; }

[ -f "$peer/setup.sh" ] && [ -f "$peer/imodelsx_iprompt.py" ] \
  || fail "no peer runner: $peer must hold setup.sh and imodelsx_iprompt.py (set PEER_BENCH)"
[ -x /usr/bin/time ] || fail "/usr/bin/time is missing (Debian package 'time'): it measures wall time and peak memory"
mkdir -p "$work" "$cache"

# ---- 1. the original, set up offline from a source snapshot
line=$(bash "$peer/setup.sh" ${1:-${IMODELSX_GIT_DIR:-}} | tail -1)
case "$line" in ok*) ;; *) fail "peer setup: $line
  (pass a git directory of csinva/imodelsX as the first argument or IMODELSX_GIT_DIR)";; esac
py="${PEER_VENV:-$cache/peer-venv}/bin/python"
echo "peer: $line"

# ---- 2. the rows: imodelsX's own add_two, in its file's order, as JSON Lines for both sides
rows="$work/add_two.jsonl"
HF_DATASETS_OFFLINE=1 "$py" - "${IMODELSX_SRC:-$cache/imodelsx-src}" "$rows" <<'EOF' || fail "cannot write $rows"
import json, os, sys, types
src, dest = sys.argv[1], sys.argv[2]
m = types.ModuleType("imodelsx"); m.__path__ = [os.path.join(src, "imodelsx")]; sys.modules["imodelsx"] = m
from imodelsx.iprompt.data import get_add_two_numbers_dataset
ins, outs = get_add_two_numbers_dataset()
with open(dest, "w", encoding="utf-8") as f:
    for i, o in zip(ins, outs):
        f.write(json.dumps({"input": str(i), "output": str(o)}) + "\n")
EOF

export PROMPTSCOPE_JAVA_OPTS="${PROMPTSCOPE_JAVA_OPTS:--Xmx2g} -Dai.djl.pytorch.num_threads=$threads"
pscope() { nice -n 5 "$repo/promptscope" "$@"; }
# one jar for the whole run: PROMPTSCOPE_JAR if given (an older build, for before/after), else a copy of
# a fresh build, so sources edited while this runs do not change what is measured halfway
if [ -z "${PROMPTSCOPE_JAR:-}" ]; then
  pscope --version >/dev/null || fail "cannot build or run $repo/promptscope"
  cp "$repo/target/promptscope.jar" "$work/promptscope.jar" || fail "cannot copy the jar to $work"
  export PROMPTSCOPE_JAR="$work/promptscope.jar"
fi
echo "jar: $PROMPTSCOPE_JAR ($(pscope --version 2>/dev/null | head -1))"

model_dir() { # a folder; 4x256: trained once into the cache; gpt2-small-random: built once into the cache
  case "$1" in
    4x256) train_4x256 ;;
    gpt2-small-random) random_gpt2_small ;;
    *) (cd "$repo" && cd "$1" && pwd) || fail "no model folder $1" ;;
  esac
}

train_4x256() {
  local d="$cache/gpt2-4x256-s${TRAIN_STEPS:-300}"
  if [ ! -f "$d/model.safetensors" ]; then
    echo "training the 4 x 256 checkpoint ($d, ${TRAIN_STEPS:-300} steps) ..." >&2
    pscope train --out "$d" --layers 4 --width 256 --heads 4 --steps "${TRAIN_STEPS:-300}" --documents 20000 --seed 0 \
      >"$work/train-4x256.log" 2>&1 || fail "training the 4 x 256 checkpoint failed: $work/train-4x256.log"
  fi
  echo "$d"
}

random_gpt2_small() { # built in a .part folder and renamed, so an interrupted build is never taken for a model
  local d="$cache/gpt2-small-random"
  if [ ! -f "$d/model.safetensors" ]; then
    echo "building the random GPT-2 small-shaped checkpoint ($d) ..." >&2
    rm -rf "$d.part"
    nice -n 5 "$py" - "$d.part" "$repo/models/default" >"$work/build-gpt2-small-random.log" 2>&1 <<'EOF' \
      && mv "$d.part" "$d" || fail "building $d failed: $work/build-gpt2-small-random.log"
import json, shutil, sys, torch
from transformers import GPT2Config, GPT2LMHeadModel
dest, tokenizer_dir = sys.argv[1:]
ids = json.load(open(f"{tokenizer_dir}/config.json"))
torch.manual_seed(0)
config = GPT2Config(vocab_size=50257, n_positions=1024, n_embd=768, n_layer=12, n_head=12,
                    activation_function="gelu_new", tie_word_embeddings=True,
                    bos_token_id=ids["bos_token_id"], eos_token_id=ids["eos_token_id"])
model = GPT2LMHeadModel(config).eval()
model.save_pretrained(dest, safe_serialization=True)
for name in ("tokenizer.json", "tokenizer_config.json"):
    shutil.copy(f"{tokenizer_dir}/{name}", f"{dest}/{name}")
print(dest, sum(p.numel() for p in model.parameters()), "parameters")
EOF
  fi
  echo "$d"
}

timed() { # LABEL CMD...: runs CMD under /usr/bin/time; stdout to $work/LABEL.out
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/$label.time" "$@" >"$work/$label.out" 2>"$work/$label.err" \
    || { echo "  $label failed: $work/$label.err" >&2; return 1; }
  echo "  $label: $(awk '{printf "%s s wall, %.0f MB peak RSS", $1, $2/1024}' "$work/$label.time"), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

summary="$work/summary.jsonl"
: >"$summary"
for m in $models; do
  dir=$(model_dir "$m") || exit 1
  tag=$(basename "$dir")
  echo "== $m ($dir), $steps steps, threads $threads, load $(cut -d' ' -f1-3 /proc/loadavg)"
  for dt in ${DTYPES:-float32}; do
    timed "promptscope-$tag-$dt" nice -n 5 "$repo/promptscope" explain --model "$dir" --jsonl "$rows" --steps "$steps" --tokens 6 \
      --shots 3 --seed 1 --dtype "$dt" --results "$work/records-$dt"
  done
  # imodelsX's step counter runs max_n_steps + 1 steps: ask for one fewer to run as many
  timed "imodelsx-$tag" nice -n 5 "$py" "$peer/imodelsx_iprompt.py" "$dir" add_two --jsonl "$rows" \
    --num-learned-tokens 6 --n-shots 3 --batch-size 16 --max-n-steps $((steps - 1)) --seed 1 \
    --set do_final_reranking=True --threads "$threads"
  for dt in ${DTYPES:-float32}; do
  "$py" - "$work" "$tag" "$m" "$(cat /proc/loadavg)" "$dt" >>"$summary" <<'EOF'
import json, re, sys
work, tag, name, load, dtype = sys.argv[1:]
def timing(label):
    try:
        wall, kb = open(f"{work}/{label}.time").read().split()[-2:]
        return float(wall), round(int(kb) / 1024)
    except (OSError, ValueError):
        return None, None
ps_wall, ps_rss = timing(f"promptscope-{tag}-{dtype}")
im_wall, im_rss = timing(f"imodelsx-{tag}")
ps_top = ps_steps = None
for line in open(f"{work}/promptscope-{tag}-{dtype}.out", encoding="utf-8"):
    m = re.match(r'\s*1\s+"(.*)"\s+([\d.]+)\s+([\d.]+)\s+\d+', line)
    if m and ps_top is None:
        ps_top = {"prompt": m.group(1), "accuracy": float(m.group(2)), "loss": float(m.group(3))}
    m = re.match(r"\S+ on .*: (\d+) steps", line)
    if m:
        ps_steps = int(m.group(1))
try:
    peer = json.loads(open(f"{work}/imodelsx-{tag}.out", encoding="utf-8").read().strip().splitlines()[-1])
    im_top, im_steps, env = peer["top"][0], peer["n_steps"], peer["env"]
except Exception:
    im_top = im_steps = env = None
ratio = round(im_wall / ps_wall, 2) if ps_wall and im_wall else None
print(json.dumps({"model": name, "promptscope": {"dtype": dtype, "wall_s": ps_wall, "peak_rss_mb": ps_rss, "steps": ps_steps, "top": ps_top},
                  "imodelsx": {"wall_s": im_wall, "peak_rss_mb": im_rss, "steps": im_steps,
                               "top": im_top and {k: im_top[k] for k in ("prompt", "accuracy", "loss")}, "env": env},
                  "speedup": ratio, "loadavg_after": load}))
print(f"  top prompt: PromptScope ({dtype}) {ps_top and ps_top['prompt']!r}, imodelsX {im_top and im_top['prompt']!r};"
      f" speed-up {ratio}x", file=sys.stderr)
EOF
  done
done

# ---- 3. the matmul peak and the scoring loop's rate, in the same run
if [ "${SKIP_PROBES:-0}" != 1 ]; then
  echo "== float32 matmul peak, threads $threads, load $(cut -d' ' -f1-3 /proc/loadavg)"
  pscope bench matmul --passes 5 | tee "$work/matmul-djl.jsonl" | tee -a "$summary"
  # torch on the shapes DJL just measured (bench matmul's list, GPT-2 small's projections and head among them)
  nice -n 5 "$py" - "$threads" "$work/matmul-djl.jsonl" <<'EOF' | tee -a "$summary"
import json, sys, time, torch
torch.set_num_threads(int(sys.argv[1]))
shapes = [tuple(map(int, json.loads(l)["shape"].split("x"))) for l in open(sys.argv[2]) if l.strip()]
for m, k, n in dict.fromkeys(shapes):
    a, b = torch.randn(m, k), torch.randn(k, n)
    a @ b
    best = min((lambda t0: (a @ b, time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(5))
    print(json.dumps({"benchmark": "matmul", "implementation": f"torch {torch.__version__}", "threads": sys.argv[1],
                      "shape": f"{m}x{k}x{n}", "best_seconds": best, "gflops_per_second": 2 * m * k * n / best / 1e9}))
EOF
  for m in $probe_models; do
    dir=$(model_dir "$m") || exit 1
    echo "== reranking loop on $m, load $(cut -d' ' -f1-3 /proc/loadavg)"
    # its line also carries the matmul peak on the loop's own shapes, measured in the same process
    pscope bench rerank --model "$dir" --passes 5 --workload-out "$work/work.json" | tee -a "$summary"
    nice -n 5 "$py" "$repo/environment/bench_transformers.py" --model "$dir" --workload "$work/work.json" \
      --threads "$threads" | tee -a "$summary"
  done
fi
# ---- 4. memory over one long search (SOAK_MINUTES, default 0: skipped), with the same jar
if [ "${SOAK_MINUTES:-0}" != 0 ]; then
  echo "== one ${SOAK_MINUTES}-minute search on models/default, load $(cut -d' ' -f1-3 /proc/loadavg)"
  MINUTES="$SOAK_MINUTES" THREADS="$threads" nice -n 5 "$repo/environment/soak_explain.sh" "$work/soak" \
    | tee -a "$summary"
fi
"$py" -c 'import json,sys; json.dump([json.loads(l) for l in open(sys.argv[1]) if l.strip()], open(sys.argv[2], "w"), indent=1)' \
  "$summary" "$out"
echo "summary: $out"
