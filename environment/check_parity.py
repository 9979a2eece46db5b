#!/usr/bin/env python3
"""Compare PromptScope's per-token log-probabilities with transformers' on any checkpoint folder.

    python3 environment/check_parity.py MODEL_DIR [--text TEXT ...] [--tolerance 1e-4]

For each text it runs `./promptscope logprobs --model MODEL_DIR --text TEXT` and the same
computation with `AutoModelForCausalLM` in float32 (no special tokens, no padding), then prints
the largest absolute difference per text. Exits 1 if token ids differ or any difference exceeds
the tolerance. Needs the local `torch` and `transformers` (pip installs them offline here).
"""
import argparse
import json
import pathlib
import subprocess
import sys

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = [
    "The answer is 1234567 + 89 = 1234656.",
    "a    b  c\tcol2\t\tcol3\nline two\n\nline four",
    "日本語のテキストです。東京は大きい。",
    "Add the two numbers. Input: 12 7 Output: 19",
]


def reference(model, tok, text):
    ids = tok(text, add_special_tokens=False).input_ids
    with torch.no_grad():
        logits = model(torch.tensor([ids])).logits[0].float()
    lp = torch.log_softmax(logits, dim=-1)
    return ids, [None] + [lp[i - 1, ids[i]].item() for i in range(1, len(ids))]


def ours(model_dir, text):
    out = subprocess.run([str(ROOT / "promptscope"), "logprobs", "--model", str(model_dir), "--text", text],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model_dir")
    ap.add_argument("--text", action="append")
    ap.add_argument("--tolerance", type=float, default=1e-4)
    args = ap.parse_args()
    model = AutoModelForCausalLM.from_pretrained(args.model_dir, dtype=torch.float32).eval()
    tok = AutoTokenizer.from_pretrained(args.model_dir)
    worst = 0.0
    ok = True
    for text in args.text or DEFAULT_TEXTS:
        ids, want = reference(model, tok, text)
        got = ours(args.model_dir, text)
        if got["tokens"] != ids:
            print(f"TOKENS DIFFER for {text!r}: transformers {ids} vs promptscope {got['tokens']}")
            ok = False
            continue
        diff = max((abs(a - b) for a, b in zip(want[1:], got["logprobs"][1:])), default=0.0)
        worst = max(worst, diff)
        print(f"{len(ids):4d} tokens  max |diff| = {diff:.2e}  {text[:50]!r}")
    ok = ok and worst <= args.tolerance
    print(f"{'PASS' if ok else 'FAIL'}: max |diff| {worst:.2e} (tolerance {args.tolerance:g})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
