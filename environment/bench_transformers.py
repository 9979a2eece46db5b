#!/usr/bin/env python3
"""The reranking benchmark with Python transformers, on the same work as `promptscope bench rerank`.

    ./promptscope bench rerank --model DIR --workload-out /tmp/work.json
    python3 environment/bench_transformers.py --model DIR --workload /tmp/work.json

It scores every prompt against every (context, target) as iPrompt's reference does: one
right-padded batch of full sequences [prompt][context][target] per group of prompts, log-softmax,
and the log-probabilities of the target tokens. Prints one JSON line with candidates and tokens per
second, and the loss of prompt 0 (which must match PromptScope's `loss_of_prompt_0`).
"""
import argparse
import json
import time

import torch
from transformers import AutoModelForCausalLM


def score(model, prompts, contexts, targets, rows_per_pass=256):
    per_chunk = max(1, rows_per_pass // len(contexts))
    losses = []
    for start in range(0, len(prompts), per_chunk):
        chunk = prompts[start:start + per_chunk]
        seqs, spans = [], []
        for p in chunk:
            for c, t in zip(contexts, targets):
                seqs.append(p + c + t)
                spans.append((len(p) + len(c), len(t)))
        width = max(len(s) for s in seqs)
        ids = torch.zeros((len(seqs), width), dtype=torch.long)
        mask = torch.zeros((len(seqs), width), dtype=torch.long)
        for i, s in enumerate(seqs):
            ids[i, :len(s)] = torch.tensor(s)
            mask[i, :len(s)] = 1
        with torch.no_grad():
            logp = torch.log_softmax(model(ids, attention_mask=mask).logits.float(), dim=-1)
        for k in range(len(chunk)):
            nll, n = 0.0, 0
            for j in range(len(contexts)):
                i = k * len(contexts) + j
                first, count = spans[i]
                for t in range(count):
                    nll -= logp[i, first + t - 1, seqs[i][first + t]].item()
                    n += 1
            losses.append(nll / n)
    return losses


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--workload", required=True)
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    work = json.load(open(args.workload))
    prompts, contexts, targets = work["prompts"], work["contexts"], work["targets"]
    model = AutoModelForCausalLM.from_pretrained(args.model, dtype=torch.float32).eval()
    tokens_per_pass = sum(len(p) + len(c) + len(t) for p in prompts for c, t in zip(contexts, targets))
    losses = score(model, prompts, contexts, targets)  # warm-up
    start = time.perf_counter()
    for _ in range(args.passes):
        losses = score(model, prompts, contexts, targets)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "implementation": "transformers " + __import__("transformers").__version__,
        "engine": "PyTorch " + torch.__version__,
        "threads": args.threads,
        "model": args.model,
        "candidates": len(prompts),
        "examples": len(contexts),
        "tokens_per_pass": tokens_per_pass,
        "passes": args.passes,
        "seconds": seconds,
        "candidates_per_second": args.passes * len(prompts) / seconds,
        "tokens_per_second": args.passes * tokens_per_pass / seconds,
        "loss_of_prompt_0": losses[0],
    }))


if __name__ == "__main__":
    main()
