#!/usr/bin/env python3
"""Chat templates rendered by Python transformers, for ChatTemplateTest (backend).

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install transformers jinja2   # no torch needed
    /tmp/venv/bin/python environment/make_chat_template_fixtures.py

Writes lib/src/test/resources/fixtures/chat_templates.json: three real-world-style templates (ChatML
as Qwen's, Llama-2 [INST] with its system message and role check, Zephyr with eos_token), each with
the special tokens of its tokenizer_config.json (as strings or as {"content": ...} objects, as
checkpoints give them) and three conversations rendered by `apply_chat_template(messages,
tokenize=False, add_generation_prompt=True)`. A conversation the template rejects records the
message of its `raise_exception` instead of the text.
"""
import json
import pathlib

import jinja2
import transformers
from transformers import PreTrainedTokenizerFast

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "lib/src/test/resources/fixtures"

CHATML = (
    "{% for message in messages %}"
    "{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}"
    "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)

LLAMA2 = (
    "{% if messages[0]['role'] == 'system' %}"
    "{% set loop_messages = messages[1:] %}{% set system_message = messages[0]['content'] %}"
    "{% else %}{% set loop_messages = messages %}{% set system_message = false %}{% endif %}"
    "{% for message in loop_messages %}"
    "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
    "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}"
    "{% if loop.index0 == 0 and system_message != false %}"
    "{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}"
    "{% else %}{% set content = message['content'] %}{% endif %}"
    "{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}"
    "{% elif message['role'] == 'assistant' %}{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}"
    "{% endfor %}"
)

# Zephyr's template as published: one block per line, so it leans on trim_blocks and lstrip_blocks.
ZEPHYR = """{% for message in messages %}
{% if message['role'] == 'user' %}
{{ '<|user|>\\n' + message['content'] + eos_token }}
{% elif message['role'] == 'system' %}
{{ '<|system|>\\n' + message['content'] + eos_token }}
{% elif message['role'] == 'assistant' %}
{{ '<|assistant|>\\n'  + message['content'] + eos_token }}
{% endif %}
{% if loop.last and add_generation_prompt %}
{{ '<|assistant|>' }}
{% endif %}
{% endfor %}"""


def added(content):
    """A special token as tokenizer_config.json often stores it: an AddedToken object."""
    return {"__type": "AddedToken", "content": content, "lstrip": False, "normalized": False,
            "rstrip": False, "single_word": False}


def m(role, content):
    return {"role": role, "content": content}


TEMPLATES = [
    ("chatml", CHATML, {"bos_token": None, "eos_token": "<|im_end|>"}, [
        [m("user", "Add 2 and 4.")],
        [m("system", "You answer in one word."), m("user", "Capital of France?")],
        [m("user", "Hi"), m("assistant", "Hello! How can I help?"), m("user", "Tell me a joke, café-style ☕.")],
    ]),
    ("llama2", LLAMA2, {"bos_token": added("<s>"), "eos_token": added("</s>")}, [
        [m("system", "Be brief.\n"), m("user", "  What is 2 + 4?  "), m("assistant", " 6 "), m("user", "And 3 + 5?")],
        [m("user", "Hello")],
        [m("user", "Hello"), m("user", "Are you there?")],  # raises: roles must alternate
    ]),
    ("zephyr", ZEPHYR, {"bos_token": "<s>", "eos_token": "</s>"}, [
        [m("system", "You are a friendly chatbot."), m("user", "How many helicopters can a human eat?")],
        [m("user", "one"), m("assistant", "two"), m("user", "three")],
        [m("user", "line one\nline two\n")],
    ]),
]


def token_text(tok):
    return tok["content"] if isinstance(tok, dict) else tok


def main():
    out = {
        "generated_by": "environment/make_chat_template_fixtures.py",
        "transformers": transformers.__version__,
        "jinja2": jinja2.__version__,
        "add_generation_prompt": True,
        "templates": [],
    }
    for name, template, tokens, conversations in TEMPLATES:
        tok = PreTrainedTokenizerFast(
            tokenizer_file=str(FIXTURES / "gpt2-lmhead/tokenizer.json"),
            bos_token=token_text(tokens["bos_token"]),
            eos_token=token_text(tokens["eos_token"]))
        tok.chat_template = template
        cases = []
        for messages in conversations:
            case = {"messages": messages}
            try:
                case["expected"] = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
            except jinja2.exceptions.TemplateError as e:
                case["error"] = str(e)
            cases.append(case)
        config = {"chat_template": template, **tokens}
        out["templates"].append({"name": name, "tokenizer_config": config, "cases": cases})
    path = FIXTURES / "chat_templates.json"
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", path.relative_to(ROOT))


if __name__ == "__main__":
    main()
