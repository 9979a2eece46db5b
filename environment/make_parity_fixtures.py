#!/usr/bin/env python3
"""Generate tiny parity fixtures for PromptScope's Java (DJL) causal-LM runtime.

WHAT
    Writes lib/src/test/resources/fixtures/ containing:
      * five tiny, randomly initialised Hugging Face checkpoints (safetensors + config.json
        + tokenizer.json + tokenizer_config.json), each exercising a different loading path:
          gpt2-lmhead         GPT2LMHeadModel, tied head, keys prefixed "transformer."
          gpt2-base           bare GPT2Model (no prefix, no lm_head); head = tied wte
          gpt2-fp16-untied    GPT2LMHeadModel, untied lm_head, erf GELU, n_inner, inverse-layer
                              attention scaling, float16 weights
          llama-gqa           LlamaForCausalLM, 4 q heads / 2 kv heads, rope_theta=5000,
                              untied lm_head, fp32
          llama-bf16-sharded  LlamaForCausalLM, multi-query (1 kv head), tied head, bfloat16
                              weights split into several shards + model.safetensors.index.json
          llama-rope-scaled   LlamaForCausalLM with llama3 rope scaling, explicit head_dim
      * reference.json: token ids, per-token natural-log probabilities, greedy continuations,
        one hidden state (hidden_states[1]) and the MLP down-projection input of block 0,
        all computed with transformers/torch in float32 (eval mode, no padding, batch 1).

WHY
    No network access: nothing can be pulled from the HF hub, so everything (tokenizer
    included) is built from scratch here. Weights are drawn with a larger spread than the
    default init (matrices N(0, 0.2), biases N(0, 0.1), norm weights 1 + N(0, 0.1)) so that
    a wrong/missing layer, bias, norm or rope detail changes the logits visibly.

HOW
    python3 environment/make_parity_fixtures.py        (deterministic, byte-identical output; ~6 s on CPU)
    The output directory is wiped and recreated on every run (rerun make_bf16_parity_fixtures.py
    afterwards: its reference_bf16.json lives there too). Reference ids are computed
    with add_special_tokens=False (the Java runtime adds no special tokens unless asked).
    gpt2-base is referenced by loading it into GPT2LMHeadModel (tied head = wte);
    llama-bf16-sharded references are computed after reloading with dtype=float32.
    Greedy generation runs with eos_token_id=None so every continuation has exactly
    max_new_tokens ids. Floats are rounded to 7 significant digits.
"""

import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

import numpy as np
import torch
import transformers
from safetensors import safe_open
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
from transformers import (
    AutoTokenizer,
    GPT2Config,
    GPT2LMHeadModel,
    GPT2Model,
    LlamaConfig,
    LlamaForCausalLM,
)

transformers.utils.logging.disable_progress_bar()
transformers.utils.logging.set_verbosity_error()

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lib" / "src" / "test" / "resources" / "fixtures"
SEED = 1234
EOT = "<|endoftext|>"
MAX_POS = 128
MAX_NEW_TOKENS = 12

# --------------------------------------------------------------------------------------
# Tokenizer corpus and evaluation texts
# --------------------------------------------------------------------------------------
CORPUS = [
    "The quick brown fox jumps over the lazy dog.",
    "A language model predicts the next token given the previous tokens.",
    "She sells sea shells by the sea shore, and the shells she sells are sea shells.",
    "The answer is 42. The question is still unknown.",
    "It was the best of times, it was the worst of times.",
    "To be, or not to be, that is the question.",
    "The weather today is sunny with a chance of rain in the evening.",
    "Numbers: 0 1 2 3 4 5 6 7 8 9 10 11 12 100 1000 2024 3.14159",
    "12 + 7 = 19", "3 * 4 = 12", "100 - 58 = 42", "81 / 9 = 9", "1234 + 4321 = 5555",
    "250 + 250 = 500", "7 * 8 = 56", "99 - 1 = 98", "2 + 2 = 4", "15 + 27 = 42",
    "日本語のテキストです。", "東京は日本の首都です。", "今日はいい天気ですね。",
    "私は学生です。", "これはペンです。", "大きい犬と小さい猫がいます。",
    "name\tage\tcity\nalice\t30\tparis\nbob\t25\ttokyo\n",
    "def main():\n    print('hello world')\n    return 0\n",
    "if x > 0:\n\treturn x\nelse:\n\treturn -x\n",
    "Hello, world! How are you doing today?",
    "Mixed text: the price is 1200 yen (円) in Tokyo, about 8 dollars.",
    "line one\nline two\nline three\n",
    "Tokenizers split text into pieces; models read those pieces as numbers.",
    "Once upon a time there was a little model that wanted to learn to write.",
]

TEXTS = [
    "Hello",  # short (2-3 tokens)
    "The answer is 1234567 + 89 = 1234656.",
    "a    b  c",
    "col1\tcol2\t\tcol3",
    "line one\nline two\n\nline four",
    "日本語のテキストです。東京は大きい。",
    "Mixed: 東京 has 13960000 people;\tthat's a lot!\n",
    # long-ish (~100 tokens, < 128 positions)
    "Once upon a time, there lived an old fisherman by the sea. Every evening he counted his "
    "catch: 12 + 7 = 19 fish on Monday,\t3 * 4 = 12 on Tuesday.\nThe weather was sunny.",
]
GREEDY_PROMPTS = ["The quick brown fox", "12 + 7 ="]
HIDDEN_TEXT_INDEX = 1  # "The answer is ..."
HIDDEN_LAYER = 1
MLP_LAYER = 0


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def train_base_tokenizer():
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=400,
        min_frequency=2,
        special_tokens=[EOT],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(CORPUS * 4, trainer=trainer)
    return tok


def save_tokenizer(tok, d, tokenizer_config):
    tok.save(str(d / "tokenizer.json"), pretty=True)
    with open(d / "tokenizer_config.json", "w") as f:
        json.dump(tokenizer_config, f, indent=2, sort_keys=True)
        f.write("\n")


# --------------------------------------------------------------------------------------
# Weights
# --------------------------------------------------------------------------------------
NORM_MARKERS = ("ln_", "norm", "layernorm")


@torch.no_grad()
def wide_init(model, seed):
    g = torch.Generator().manual_seed(seed)
    seen = set()
    for name, p in model.named_parameters():  # tied params appear once
        if id(p) in seen:
            continue
        seen.add(id(p))
        leaf = name.split(".")[-2] if "." in name else name
        if p.dim() >= 2:
            p.copy_(torch.randn(p.shape, generator=g) * 0.2)
        elif name.endswith("weight") and any(m in leaf for m in NORM_MARKERS):
            p.copy_(1.0 + 0.1 * torch.randn(p.shape, generator=g))
        else:  # biases (incl. layer-norm biases)
            p.copy_(0.1 * torch.randn(p.shape, generator=g))


# --------------------------------------------------------------------------------------
# References
# --------------------------------------------------------------------------------------
def r7(x):
    return float(f"{float(x):.7g}")


def r7_nested(t):
    return [[r7(v) for v in row] for row in t.tolist()]


def encode(tok, text):
    return tok(text, add_special_tokens=False).input_ids


@torch.no_grad()
def logprobs_of(model, ids):
    logits = model(torch.tensor([ids])).logits[0].float()
    lp = torch.log_softmax(logits, dim=-1)
    return [None] + [r7(lp[i - 1, ids[i]]) for i in range(1, len(ids))]


@torch.no_grad()
def greedy(model, tok, prompt):
    ids = encode(tok, prompt)
    x = torch.tensor([ids])
    pad = tok.convert_tokens_to_ids(tok.eos_token)
    out = model.generate(
        x,
        attention_mask=torch.ones_like(x),
        max_new_tokens=MAX_NEW_TOKENS,
        do_sample=False,
        pad_token_id=pad,
        eos_token_id=None,
    )
    new = out[0, len(ids):].tolist()
    assert len(new) == MAX_NEW_TOKENS, (prompt, new)
    # cross-check with a naive no-cache argmax loop
    seq = list(ids)
    for _ in range(MAX_NEW_TOKENS):
        seq.append(int(model(torch.tensor([seq])).logits[0, -1].argmax()))
    assert seq[len(ids):] == new, ("generate != argmax loop", new, seq[len(ids):])
    return {
        "prompt": prompt,
        "prompt_ids": ids,
        "max_new_tokens": MAX_NEW_TOKENS,
        "new_ids": new,
        "continuation": tok.decode(new),
    }


@torch.no_grad()
def greedy_processed(model, tok, prompt):
    """Greedy decoding through the logits processors iPrompt's proposals use: repetition penalty
    over the whole context, banned newline sequences, and a minimum length that bans eos."""
    ids = encode(tok, prompt)
    x = torch.tensor([ids])
    eos = tok.convert_tokens_to_ids(tok.eos_token)
    banned = ["\n", "\n\n", " the"]
    out = model.generate(
        x,
        attention_mask=torch.ones_like(x),
        max_new_tokens=MAX_NEW_TOKENS,
        min_new_tokens=MAX_NEW_TOKENS,
        do_sample=False,
        repetition_penalty=2.0,
        bad_words_ids=[encode(tok, b) for b in banned],
        pad_token_id=eos,
        eos_token_id=eos,
    )
    new = out[0, len(ids):].tolist()
    assert len(new) == MAX_NEW_TOKENS, (prompt, new)
    return {
        "prompt": prompt,
        "max_new_tokens": MAX_NEW_TOKENS,
        "repetition_penalty": 2.0,
        "banned": banned,
        "new_ids": new,
    }


def mlp_out_proj(model, layer):
    base = model.transformer if hasattr(model, "transformer") else model.model
    if hasattr(base, "h"):
        return base.h[layer].mlp.c_proj
    return base.layers[layer].mlp.down_proj


@torch.no_grad()
def hidden_ref(model, tok, text):
    ids = encode(tok, text)
    captured = {}
    h = mlp_out_proj(model, MLP_LAYER).register_forward_pre_hook(
        lambda mod, args: captured.__setitem__("x", args[0].detach().clone())
    )
    try:
        out = model(torch.tensor([ids]), output_hidden_states=True)
    finally:
        h.remove()
    hs = out.hidden_states[HIDDEN_LAYER][0].float()
    act = captured["x"][0].float()
    return {
        "text": text,
        "ids": ids,
        "layer": HIDDEN_LAYER,
        "hidden_state": r7_nested(hs),
        "mlp_layer": MLP_LAYER,
        "mlp_activations": r7_nested(act),
    }


def references(name, model, tok):
    model.eval()
    texts = []
    for t in TEXTS:
        ids = encode(tok, t)
        assert 1 <= len(ids) < MAX_POS, (t, len(ids))
        texts.append({"text": t, "ids": ids, "logprobs": logprobs_of(model, ids)})
    return {
        "name": name,
        "dir": name,
        "texts": texts,
        "greedy": [greedy(model, tok, p) for p in GREEDY_PROMPTS],
        "greedy_processed": [greedy_processed(model, tok, p) for p in GREEDY_PROMPTS],
        "hidden": [hidden_ref(model, tok, TEXTS[HIDDEN_TEXT_INDEX])],
    }


# --------------------------------------------------------------------------------------
# Inspection helpers
# --------------------------------------------------------------------------------------
def describe_safetensors(d):
    files = sorted(d.glob("*.safetensors"))
    for f in files:
        with safe_open(str(f), "pt") as sf:
            keys = sorted(sf.keys())
            dtypes = sorted({str(sf.get_slice(k).get_dtype()) for k in keys})
            print(f"    {f.name}: {len(keys)} tensors, dtypes={dtypes}")
            for k in keys:
                s = sf.get_slice(k)
                print(f"      {k:55s} {s.get_dtype():5s} {s.get_shape()}")
    idx = d / "model.safetensors.index.json"
    if idx.exists():
        print(f"    {idx.name}: {len(json.load(open(idx))['weight_map'])} entries")


def check_config(d, expect_type):
    cfg = json.load(open(d / "config.json"))
    assert cfg["model_type"] == expect_type, cfg
    for k in ("vocab_size", "architectures"):
        assert k in cfg, (d.name, k)
    return cfg


def main():
    t0 = time.time()
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    seed_all(SEED)

    # ---- tokenizers -----------------------------------------------------------------
    gpt_tok_raw = train_base_tokenizer()
    eot_id = gpt_tok_raw.token_to_id(EOT)
    llama_tok_raw = Tokenizer.from_str(gpt_tok_raw.to_str())
    llama_tok_raw.add_special_tokens(["<s>", "</s>"])
    bos_id, eos_id = llama_tok_raw.token_to_id("<s>"), llama_tok_raw.token_to_id("</s>")
    llama_tok_raw.post_processor = processors.TemplateProcessing(
        single="<s> $A", pair="<s> $A <s> $B:1", special_tokens=[("<s>", bos_id)]
    )
    print(f"tokenizer: gpt2 vocab={gpt_tok_raw.get_vocab_size()} (eot={eot_id}), "
          f"llama vocab={llama_tok_raw.get_vocab_size()} (bos={bos_id}, eos={eos_id})")

    gpt_tok_cfg = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": EOT, "eos_token": EOT, "unk_token": EOT,
        "add_prefix_space": False, "clean_up_tokenization_spaces": False,
        "model_max_length": MAX_POS,
    }
    llama_tok_cfg = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": "<s>", "eos_token": "</s>",
        "add_bos_token": True, "add_eos_token": False,
        "clean_up_tokenization_spaces": False,
        "model_max_length": MAX_POS,
    }

    def tok_for(kind):
        return (gpt_tok_raw, gpt_tok_cfg) if kind == "gpt2" else (llama_tok_raw, llama_tok_cfg)

    v_gpt = gpt_tok_raw.get_vocab_size()
    v_llama = llama_tok_raw.get_vocab_size()

    gpt_cfg = dict(vocab_size=v_gpt, n_positions=MAX_POS, n_embd=64, n_layer=2, n_head=4,
                   activation_function="gelu_new", bos_token_id=eot_id, eos_token_id=eot_id,
                   layer_norm_epsilon=1e-5)
    llama_common = dict(vocab_size=v_llama, hidden_size=64, intermediate_size=96,
                        num_attention_heads=4, max_position_embeddings=MAX_POS,
                        rms_norm_eps=1e-5, hidden_act="silu", bos_token_id=bos_id,
                        eos_token_id=eos_id)

    specs = [
        # name, kind (tokenizer + config family), build(), save_pretrained kwargs
        ("gpt2-lmhead", "gpt2",
         lambda: GPT2LMHeadModel(GPT2Config(**gpt_cfg, tie_word_embeddings=True)), {}),
        ("gpt2-base", "gpt2",
         lambda: GPT2Model(GPT2Config(**gpt_cfg, tie_word_embeddings=True)), {}),
        # untied head, exact-erf GELU, explicit n_inner, attention scaled by 1/(layer+1), float16
        ("gpt2-fp16-untied", "gpt2",
         lambda: GPT2LMHeadModel(GPT2Config(**{**gpt_cfg, "activation_function": "gelu"}, n_inner=96,
                                            scale_attn_by_inverse_layer_idx=True,
                                            tie_word_embeddings=False)), {}),
        ("llama-gqa", "llama",
         lambda: LlamaForCausalLM(LlamaConfig(**llama_common, num_hidden_layers=3,
                                              num_key_value_heads=2, rope_theta=5000.0,
                                              tie_word_embeddings=False)), {}),
        ("llama-bf16-sharded", "llama",
         lambda: LlamaForCausalLM(LlamaConfig(**llama_common, num_hidden_layers=2,
                                              num_key_value_heads=1, rope_theta=10000.0,
                                              tie_word_embeddings=True)),
         {"max_shard_size": "80KB"}),
        ("llama-rope-scaled", "llama",
         lambda: LlamaForCausalLM(LlamaConfig(
             **llama_common, num_hidden_layers=2, num_key_value_heads=2, head_dim=16,
             tie_word_embeddings=True,
             rope_parameters={"rope_type": "llama3", "rope_theta": 10000.0, "factor": 8.0,
                              "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                              "original_max_position_embeddings": 32})), {}),
    ]

    fixtures = []
    for i, (name, kind, build, save_kw) in enumerate(specs):
        d = OUT / name
        print(f"\n=== {name}")
        torch.manual_seed(SEED + i)
        model = build().eval()
        wide_init(model, SEED + 100 + i)
        if name == "llama-bf16-sharded":
            model = model.to(torch.bfloat16)
        if name == "gpt2-fp16-untied":
            model = model.to(torch.float16)
        model.save_pretrained(d, max_shard_size=save_kw.get("max_shard_size", "50GB"))
        raw, tcfg = tok_for(kind)
        save_tokenizer(raw, d, tcfg)
        cfg = check_config(d, kind)

        tok = AutoTokenizer.from_pretrained(d)
        assert len(tok) == raw.get_vocab_size() == cfg["vocab_size"], (len(tok), cfg["vocab_size"])
        for t in TEXTS + GREEDY_PROMPTS:  # AutoTokenizer must agree with the raw tokenizer
            assert encode(tok, t) == raw.encode(t, add_special_tokens=False).ids, t
            assert tok.decode(encode(tok, t)) == t, t
        if kind == "llama":
            assert tok("hi").input_ids[0] == bos_id  # BOS only when asked

        # reload as a causal LM in float32 for reference computation
        loaded, info = GPT2LMHeadModel.from_pretrained(d, dtype=torch.float32, output_loading_info=True) \
            if kind == "gpt2" else \
            LlamaForCausalLM.from_pretrained(d, dtype=torch.float32, output_loading_info=True)
        loaded.eval()
        bad = {k: v for k, v in info.items() if v and k != "missing_keys"}
        missing = [k for k in info["missing_keys"] if k != "lm_head.weight"]
        assert not bad and not missing, (name, info)
        if info["missing_keys"]:
            print(f"    loading info: missing {info['missing_keys']} (tied, expected)")
        src = model.float().state_dict()
        dst = loaded.state_dict()
        prefix = "transformer." if name == "gpt2-base" else ""
        for k, v in src.items():
            assert torch.equal(dst[prefix + k], v), (name, k)
        if cfg.get("tie_word_embeddings", True):
            emb = loaded.get_input_embeddings().weight
            assert loaded.lm_head.weight.data_ptr() == emb.data_ptr(), name
        else:
            assert not torch.equal(loaded.lm_head.weight, loaded.get_input_embeddings().weight)

        print(f"    config.json: {json.dumps(cfg, sort_keys=True)}")
        describe_safetensors(d)
        fixtures.append(references(name, loaded, tok))
        lps = fixtures[-1]["texts"][1]["logprobs"]
        print(f"    text[1] ids={fixtures[-1]['texts'][1]['ids'][:8]}... lp[1:4]={lps[1:4]}")
        print(f"    greedy: {[g['continuation'] for g in fixtures[-1]['greedy']]}")

    ref = {
        "generated_by": "environment/make_parity_fixtures.py",
        "transformers": transformers.__version__,
        "torch": torch.__version__,
        "fixtures": fixtures,
    }
    with open(OUT / "reference.json", "w") as f:
        json.dump(ref, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")

    self_check()

    print("\n=== sizes")
    total = 0
    for p in sorted(OUT.rglob("*")):
        if p.is_file():
            total += p.stat().st_size
            print(f"  {p.stat().st_size:9d}  {p.relative_to(OUT)}")
    print(f"  {total:9d}  TOTAL ({total / 1e6:.2f} MB)   [{time.time() - t0:.1f}s]")
    assert total < 3_000_000, "fixtures too big"


@torch.no_grad()
def self_check():
    """Reload every checkpoint from disk and recompute logprobs for all texts."""
    ref = json.load(open(OUT / "reference.json"))
    print("\n=== self-check")
    for fx in ref["fixtures"]:
        d = OUT / fx["dir"]
        cfg = json.load(open(d / "config.json"))
        cls = GPT2LMHeadModel if cfg["model_type"] == "gpt2" else LlamaForCausalLM
        m = cls.from_pretrained(d, dtype=torch.float32).eval()
        tok = AutoTokenizer.from_pretrained(d)
        worst = 0.0
        for t in fx["texts"]:
            assert encode(tok, t["text"]) == t["ids"]
            lp = logprobs_of(m, t["ids"])
            worst = max([worst] + [abs(a - b) for a, b in zip(lp[1:], t["logprobs"][1:])])
        assert worst < 1e-5, (fx["name"], worst)
        print(f"  {fx['name']:20s} ok (max |dlogprob| = {worst:.2e}, "
              f"{len(fx['texts'])} texts, lens {[len(t['ids']) for t in fx['texts']]})")


if __name__ == "__main__":
    sys.exit(main())
