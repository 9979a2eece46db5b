#!/usr/bin/env python3
"""Exactness check for PromptScope's Functions data (spec A3, A7): runs generated programs in Python.

Programs: every chat in --chats (OpenAI fine-tuning JSONL) is run with the hidden functions defined
in a module named `functions`, built from --var-dict (name -> catalogue key) and --catalogue
(key -> Python source), or read from --functions-py (the functions.py `functions prepare` writes):

    python3 environment/check_functions.py --chats EXP/finetune_01/train.jsonl \
        --functions-py EXP/finetune_01/functions.py
 All user turns of a chat run in order in one namespace with stdout captured;
the printed text (without the final newline) must equal the last assistant message.

Lambdas: every line of --lambdas is {"source": "lambda n: ...", "values": {"<n>": "<str(result)>"
or "error"}}; Python's eval of the source, applied to each n, must print the same text (or raise).

Exits 1 and prints the first mismatches if anything differs; prints a count otherwise.
Run by lib/src/test/java/io/github/promptscope/functions/PythonExactnessTest.java.
"""
import argparse
import contextlib
import io
import json
import sys
import types

MAX_SHOWN = 5


def functions_module(var_dict, catalogue):
    module = types.ModuleType("functions")
    for name, key in var_dict.items():
        setattr(module, name, eval(catalogue[key]))
    return module


def run_chat(messages):
    namespace = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for m in messages:
            if m["role"] == "user":
                exec(m["content"], namespace)
    printed = out.getvalue()
    return printed[:-1] if printed.endswith("\n") else printed


def check_chats(path, module):
    sys.modules["functions"] = module
    mismatches, n = [], 0
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            messages = json.loads(line)["messages"]
            expected = messages[-1]["content"]
            try:
                got = run_chat(messages[:-1])
            except Exception as e:  # a program that does not run is a mismatch too
                got = f"<{type(e).__name__}: {e}>"
            n += 1
            if got != expected:
                mismatches.append(f"{path}:{line_no}: python printed {got!r}, the chat says {expected!r}\n"
                                  f"  program: {[m['content'] for m in messages if m['role'] == 'user']!r}")
    return n, mismatches


def check_lambdas(path):
    mismatches, n = [], 0
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            case = json.loads(line)
            try:
                fn = eval(case["source"], {})
            except Exception:
                fn = None
            for point, expected in case["values"].items():
                try:
                    got = str(fn(int(point))) if fn is not None else "error"
                except Exception:
                    got = "error"
                n += 1
                if got != expected:
                    mismatches.append(f"{path}:{line_no}: {case['source']!r} at n={point}: "
                                      f"python gives {got!r}, Java {expected!r}")
    return n, mismatches


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--chats", help="JSONL of chats whose user turns are programs")
    p.add_argument("--var-dict", help="JSON object: hidden name -> catalogue key")
    p.add_argument("--catalogue", help="JSON object: catalogue key -> python source")
    p.add_argument("--functions-py", help="a functions.py defining the hidden names (instead of the two above)")
    p.add_argument("--lambdas", help="JSONL of lambda sources with the values Java computed")
    args = p.parse_args()
    total, mismatches = 0, []
    if args.chats:
        if args.functions_py:
            module = types.ModuleType("functions")
            with open(args.functions_py, encoding="utf-8") as f:
                exec(f.read(), module.__dict__)
        elif args.var_dict and args.catalogue:
            with open(args.var_dict, encoding="utf-8") as f:
                var_dict = json.load(f)
            with open(args.catalogue, encoding="utf-8") as f:
                catalogue = json.load(f)
            module = functions_module(var_dict, catalogue)
        else:
            p.error("--chats needs --functions-py, or --var-dict and --catalogue")
        n, bad = check_chats(args.chats, module)
        total, mismatches = total + n, mismatches + bad
    if args.lambdas:
        n, bad = check_lambdas(args.lambdas)
        total, mismatches = total + n, mismatches + bad
    if mismatches:
        print(f"{len(mismatches)} of {total} checks differ; the first {min(MAX_SHOWN, len(mismatches))}:")
        for m in mismatches[:MAX_SHOWN]:
            print(m)
        sys.exit(1)
    print(f"{total} checks, all equal")


if __name__ == "__main__":
    main()
