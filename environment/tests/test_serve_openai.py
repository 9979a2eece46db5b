"""A third-party client against `./promptscope serve`: the Python `openai` package (3.x) talks to the
default model over loopback. Completions with logprobs, echo scoring, chat, embeddings (base64 and
float), live streaming, the extension fields (token-id prompts, `repetition_penalty`, `min_tokens`,
`ignore_eos`, `bad_words`, `return_token_ids`, `batch`) through `extra_body`, and the 400/401 errors
as the package raises them. The server is started here on a
free port with an API key and stopped by its pid."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import openai
import pytest

REPO = Path(__file__).resolve().parents[2]
KEY = "serve-test-key"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = free_port()
    # The launcher execs java, so this pid is the server's; its own process group is ours to stop.
    proc = subprocess.Popen(
        [str(REPO / "promptscope"), "serve", "--model", "models/default", "--port", str(port), "--api-key", KEY],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 600  # the launcher may build the jar first
    while True:
        if proc.poll() is not None:
            raise RuntimeError("serve exited: " + proc.stdout.read())
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if time.time() > deadline:
            os.killpg(proc.pid, signal.SIGTERM)
            raise RuntimeError("serve did not answer /health in time")
        time.sleep(0.5)
    try:
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def client(server):
    return openai.OpenAI(base_url=server + "/v1", api_key=KEY, max_retries=0, timeout=60)


def test_models(client):
    assert [m.id for m in client.models.list().data] == ["default"]


def test_completion_with_logprobs(client):
    r = client.completions.create(model="default", prompt="Given the input numbers 2 and 4, the answer is",
                                  max_tokens=8, temperature=0, logprobs=3)
    c = r.choices[0]
    lp = c.logprobs
    assert len(lp.tokens) == len(lp.token_logprobs) == len(lp.top_logprobs) == len(lp.text_offset) > 0
    assert "".join(lp.tokens) == c.text
    for value, top in zip(lp.token_logprobs, lp.top_logprobs):
        assert value <= 0 and 1 <= len(top) <= 3
        assert max(top.values()) >= value - 1e-6
    assert r.usage.prompt_tokens > 0 and r.usage.completion_tokens == len(lp.tokens)
    assert c.finish_reason in ("stop", "length")


def test_echo_scoring(client):
    r = client.completions.create(model="default", prompt="Return the sum of the inputs.", max_tokens=0,
                                  echo=True, logprobs=1)
    lp = r.choices[0].logprobs
    assert r.choices[0].text == "Return the sum of the inputs."
    assert lp.token_logprobs[0] is None and lp.top_logprobs[0] is None
    assert all(x < 0 for x in lp.token_logprobs[1:])


def test_seeded_sampling_repeats(client):
    kw = dict(model="default", prompt="Input: candle Answer:", max_tokens=6, temperature=0.9, seed=7, n=2)
    assert [c.text for c in client.completions.create(**kw).choices] == \
           [c.text for c in client.completions.create(**kw).choices]


def test_extension_fields(client):
    # Exactly 10 tokens after two token-id prompts, newlines banned, generated as one seeded batch.
    kw = dict(model="default", prompt=[[50, 51, 52], [60, 61]], max_tokens=10, temperature=1.0, seed=5, n=2,
              extra_body={"top_k": 50, "repetition_penalty": 2.0, "min_tokens": 10, "ignore_eos": True,
                          "bad_words": ["\n"], "return_token_ids": True, "batch": True})
    r = client.completions.create(**kw)
    assert len(r.choices) == 4 and r.usage.completion_tokens == 40 and r.usage.prompt_tokens == 5
    for c in r.choices:
        ids = c.model_extra["token_ids"]
        assert len(ids) == 10 and all(isinstance(i, int) for i in ids)
        assert "\n" not in c.text
    again = client.completions.create(**kw)
    assert [c.model_extra["token_ids"] for c in again.choices] == [c.model_extra["token_ids"] for c in r.choices]


def test_chat(client):
    r = client.chat.completions.create(model="default", max_tokens=10, temperature=0,
                                       messages=[{"role": "system", "content": "You add numbers."},
                                                 {"role": "user", "content": "Add 2 and 4."}])
    assert r.choices[0].message.role == "assistant"
    assert isinstance(r.choices[0].message.content, str)
    assert r.usage.prompt_tokens > 0


def test_embeddings(client):
    texts = ["Add the two numbers.", "Return the first letter."]
    packed = client.embeddings.create(model="default", input=texts)  # the package asks for base64
    plain = client.embeddings.create(model="default", input=texts, encoding_format="float")
    assert len(packed.data) == 2 and len(packed.data[0].embedding) == 192
    for a, b in zip(packed.data, plain.data):
        assert a.embedding == pytest.approx(b.embedding, abs=1e-6)
    assert packed.data[0].embedding != packed.data[1].embedding


def test_streaming(client):
    kw = dict(model="default", prompt="Given the input x is 4, the output f(x) is", max_tokens=8,
              temperature=0.8, seed=3)
    whole = client.completions.create(**kw).choices[0].text
    chunks = list(client.completions.create(stream=True, **kw))
    assert "".join(c.choices[0].text for c in chunks if c.choices) == whole
    assert chunks[-1].choices[0].finish_reason in ("stop", "length")

    ckw = dict(model="default", max_tokens=8, temperature=0, messages=[{"role": "user", "content": "Add 2 and 3."}])
    reply = client.chat.completions.create(**ckw).choices[0].message.content
    streamed = "".join(c.choices[0].delta.content or "" for c in client.chat.completions.create(stream=True, **ckw))
    assert streamed == reply


@pytest.mark.parametrize("kwargs,param", [
    (dict(n=0), "n"),
    (dict(n=21), "n"),
    (dict(logprobs=21), "logprobs"),
    (dict(max_tokens=256), "prompt"),
    (dict(prompt="one two three " * 200), "prompt"),
    (dict(extra_body={"temperature": "hot"}), "temperature"),
    (dict(extra_body={"repetition_penalty": 0}), "repetition_penalty"),
    (dict(prompt=[[1, 99999999]]), "prompt"),
    (dict(prompt=["a", "b"], stream=True, extra_body={"batch": True}), "batch"),
])
def test_bad_requests_are_400(client, kwargs, param):
    args = dict(model="default", prompt="hi", max_tokens=2)
    args.update(kwargs)
    with pytest.raises(openai.BadRequestError) as e:
        client.completions.create(**args)
    assert e.value.status_code == 400
    error = e.value.response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"} and error["param"] == param


def test_malformed_json_is_400_and_the_server_keeps_serving(server, client):
    req = urllib.request.Request(server + "/v1/completions", data=b"{not json", method="POST",
                                 headers={"Authorization": "Bearer " + KEY, "Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req, timeout=30)
    assert e.value.code == 400
    body = json.loads(e.value.read())
    assert body["error"]["type"] == "invalid_request_error" and "Traceback" not in json.dumps(body)
    assert client.completions.create(model="default", prompt="hi", max_tokens=1).choices


def test_wrong_key_is_401_and_health_needs_none(server):
    bad = openai.OpenAI(base_url=server + "/v1", api_key="wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as e:
        bad.completions.create(model="default", prompt="hi", max_tokens=1)
    assert e.value.status_code == 401
    assert e.value.response.json()["error"]["code"] == "invalid_api_key"
    with urllib.request.urlopen(server + "/health", timeout=10) as r:
        assert r.status == 200
