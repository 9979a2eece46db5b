#!/usr/bin/env python3
"""Reference numbers for `--dtype bfloat16`: transformers running the parity fixtures in bfloat16.

WHAT
    Writes lib/src/test/resources/fixtures/reference_bf16.json. For every checkpoint that
    environment/make_parity_fixtures.py made (GPT-2 and Llama, seeded, random weights) and for
    models/default, transformers loads the model with dtype=torch.bfloat16 (every weight cast to
    bfloat16, as `model.to(torch.bfloat16)` does) and records:
      * texts: per fixture text (the ids of reference.json), ln p of each next token (a token's
        loss, negated); per models/default text, its ids, the same, and the same in float32
        (reference.json holds the fixtures' float32 numbers);
      * logits: for one short id sequence (fixtures only: their vocabularies are ~400, models/default's
        is 4,424), the bfloat16 logits at every position, over the whole vocabulary, written with
        the fewest digits that round back to the same bfloat16 value (short; read one as float32
        and round it to the nearest bfloat16 to get the exact logit).
    Log-probabilities are log_softmax in float32 of the bfloat16 logits cast to float32, which is
    what transformers' own loss does (it upcasts the logits before the cross-entropy).

WHY
    PromptScope's bfloat16 multiplies in bfloat16 and keeps embeddings, biases, norms, softmax and
    log-softmax in float32; transformers in bfloat16 does all of those in bfloat16 too. The two are
    not the same computation, so the tolerance between them is measured, not assumed: this script
    prints how far transformers-bfloat16 is from transformers-float32 (reference.json's numbers and
    a float32 run of the same models), and Bf16TransformersParityTest measures PromptScope-bfloat16
    against both. The README's bfloat16 paragraph quotes all three.

HOW
    python3 environment/make_bf16_parity_fixtures.py   (deterministic, byte-identical output; ~22 s of CPU)
    Needs torch, transformers and safetensors; the committed file was made with torch 2.13.0+cpu
    (pip install --no-deps /opt/wheels/torch-2.13.0+cpu-*.whl, then its small dependencies) and
    transformers 5.18.0 (PIP_INDEX_URL=file:///opt/pypi/simple PIP_RETRIES=0 pip install
    --extra-index-url file:///opt/pypi-more/simple transformers==5.18.0), the versions that made
    reference.json; the script stops if its float32 run does not reproduce reference.json within
    1e-5. Run it after make_parity_fixtures.py, which wipes the fixtures folder. Floats are rounded
    to 7 significant digits.
"""

import json
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch
import transformers
from transformers import AutoModelForCausalLM, AutoTokenizer

transformers.utils.logging.disable_progress_bar()
transformers.utils.logging.set_verbosity_error()

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "lib" / "src" / "test" / "resources" / "fixtures"
OUT = FIXTURES / "reference_bf16.json"
DEFAULT_MODEL = "models/default"

# the id sequence Bf16ParityTest already runs on every fixture; every id is below every fixture's vocabulary
LOGIT_IDS = [1, 5, 9, 2, 7, 3, 8]

# models/default: the texts Bf16ParityTest scores, and the shape of a step's scored rows (prompt + example)
DEFAULT_TEXTS = [
    "Given the input numbers 3 and 4, the answer is 7.",
    "Return the sum of the inputs.",
    "Data:\n\nInput: 12 and 5 Output: 17\n\nPrompt: Add the two numbers",
    "Add the two numbers.\n\nInput: 81 and 9 Output: 90\n\nInput: 250 and 250 Output: 500",
    "Multiply the inputs. Input: 7 8 Output: 56",
]


def r7(x):
    return float(f"{float(x):.7g}")


def bf16_bits(x):
    """The bfloat16 nearest to float x (round to nearest even), as its 16 bits."""
    u = struct.unpack("<I", struct.pack("<f", x))[0]
    return (u + 0x7FFF + ((u >> 16) & 1)) >> 16


def short_bf16(v):
    """The fewest significant digits that read back (to float32, then bfloat16) as this bfloat16 value."""
    want = bf16_bits(v)
    for digits in range(1, 10):
        s = float(f"{v:.{digits}g}")
        if bf16_bits(s) == want:
            return s
    return v


@torch.no_grad()
def logits_of(model, ids):
    return model(torch.tensor([ids])).logits[0]


@torch.no_grad()
def target_logprobs(logits, ids):
    lp = torch.log_softmax(logits.float(), dim=-1)
    return [None] + [r7(lp[i - 1, ids[i]]) for i in range(1, len(ids))]


def load(d, dtype):
    return AutoModelForCausalLM.from_pretrained(d, dtype=dtype).eval()


def max_diff(a, b):
    return max(abs(x - y) for x, y in zip(a[1:], b[1:]))


def fixture_entry(fx, worst):
    d = FIXTURES / fx["dir"]
    bf, fp = load(d, torch.bfloat16), load(d, torch.float32)
    assert all(p.dtype == torch.bfloat16 for p in bf.parameters()), fx["name"]
    texts = []
    for t in fx["texts"]:
        # this environment's float32 must give reference.json's numbers, or the comparison means nothing
        assert max_diff(target_logprobs(logits_of(fp, t["ids"]), t["ids"]), t["logprobs"]) < 1e-5, fx["name"]
        lp = target_logprobs(logits_of(bf, t["ids"]), t["ids"])
        worst["loss"] = max(worst["loss"], max_diff(lp, t["logprobs"]))
        texts.append({"text": t["text"], "logprobs": lp})
    logits = logits_of(bf, LOGIT_IDS)
    assert logits.dtype == torch.bfloat16
    full_bf = torch.log_softmax(logits.float(), dim=-1)
    full_fp = torch.log_softmax(logits_of(fp, LOGIT_IDS).float(), dim=-1)
    worst["vocab"] = max(worst["vocab"], float((full_bf - full_fp).abs().max()))
    return {
        "name": fx["name"],
        "dir": fx["dir"],
        "texts": texts,
        "logit_ids": LOGIT_IDS,
        "logits": [[short_bf16(v) for v in row] for row in logits.float().tolist()],
    }


def default_entry(worst):
    d = ROOT / DEFAULT_MODEL
    tok = AutoTokenizer.from_pretrained(d)
    bf, fp = load(d, torch.bfloat16), load(d, torch.float32)
    texts = []
    for text in DEFAULT_TEXTS:
        ids = tok(text, add_special_tokens=False).input_ids
        lp = target_logprobs(logits_of(bf, ids), ids)
        lp32 = target_logprobs(logits_of(fp, ids), ids)
        worst["default"] = max(worst["default"], max_diff(lp, lp32))
        texts.append({"text": text, "ids": ids, "logprobs": lp, "logprobs_float32": lp32})
    return {"name": "default", "model": DEFAULT_MODEL, "texts": texts}


def main():
    reference = json.load(open(FIXTURES / "reference.json"))
    worst = {"loss": 0.0, "vocab": 0.0, "default": 0.0}
    fixtures = [fixture_entry(fx, worst) for fx in reference["fixtures"]]
    fixtures.append(default_entry(worst))
    out = {
        "generated_by": "environment/make_bf16_parity_fixtures.py",
        "transformers": transformers.__version__,
        "torch": torch.__version__,
        "dtype": "bfloat16 (from_pretrained(dtype=torch.bfloat16): weights, activations, norms and softmax)",
        "logprobs": "log_softmax in float32 of the bfloat16 logits",
        "fixtures": fixtures,
    }
    tmp = OUT.with_suffix(".json.part")
    with open(tmp, "w") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    os.replace(tmp, OUT)
    print(f"transformers {transformers.__version__}, torch {torch.__version__}")
    print(f"transformers-bf16 vs transformers-fp32, largest |difference| in nats:")
    print(f"  fixtures, per-token loss over every text: {worst['loss']:.4f}")
    print(f"  fixtures, log-probs over the vocabulary at {len(LOGIT_IDS)} positions: {worst['vocab']:.4f}")
    print(f"  {DEFAULT_MODEL}, per-token loss over {len(DEFAULT_TEXTS)} texts: {worst['default']:.4f}")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1e3:.1f} KB)")


if __name__ == "__main__":
    sys.exit(main())
