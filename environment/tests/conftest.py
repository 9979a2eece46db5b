import os
from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel

from jupyter_msgspec import check_bracketing, validate

REPO = Path(__file__).resolve().parents[2]
KERNEL = "promptscope-java"


class Kernel:
    """A started kernel plus helpers that send one request and collect what it produced, checking every
    reply and IOPub message against the messaging spec (jupyter_msgspec) on the way."""

    def __init__(self, km, kc):
        self.km, self.kc = km, kc

    def request(self, msg_type, content=None, channel="shell", timeout=120, on_output=None):
        """Sends a request; returns (reply message, the IOPub messages it parented, busy to idle)."""
        msg = self.kc.session.msg(msg_type, content or {})
        getattr(self.kc, f"{channel}_channel").send(msg)
        silent = msg_type == "execute_request" and bool(msg["content"].get("silent"))
        return self.collect(msg["header"]["msg_id"], msg_type, channel, timeout, silent, on_output)

    def collect(self, msg_id, msg_type, channel="shell", timeout=120, silent=False, on_output=None):
        """on_output, if given, sees each IOPub message of the request as it arrives (to act mid-cell)."""
        iopub = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            validate(msg)  # every broadcast, including other requests' (an interrupt's status)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            iopub.append(msg)
            if on_output:
                on_output(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        check_bracketing(iopub, msg_type, silent)
        get_reply = getattr(self.kc, f"get_{channel}_msg")
        reply = get_reply(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            validate(reply)
            reply = get_reply(timeout=timeout)
        validate(reply, msg_type.replace("_request", "_reply"), msg_id)
        return reply, iopub

    def execute(self, code, timeout=120, on_output=None, **options):
        content = {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                   "allow_stdin": False, "stop_on_error": True, **options}
        reply, iopub = self.request("execute_request", content, timeout=timeout, on_output=on_output)
        outputs = [m for m in iopub if m["msg_type"] in OUTPUT_TYPES]
        return reply["content"], outputs

    def value(self, code):
        reply, outputs = self.execute(code)
        assert reply["status"] == "ok", outputs
        results = [o for o in outputs if o["msg_type"] == "execute_result"]
        assert results, f"no execute_result for {code!r}: {outputs}"
        return results[-1]["content"]["data"]


OUTPUT_TYPES = ("stream", "execute_result", "display_data", "error", "update_display_data", "clear_output")


def start_kernel():
    assert (REPO / "kernels" / KERNEL / "kernel.json").is_file(), "run environment/setup first"
    os.environ["JUPYTER_PATH"] = str(REPO)
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120, cwd=str(REPO / "notebooks"))
    return Kernel(km, kc)


@pytest.fixture(scope="module")
def kernel():
    k = start_kernel()
    try:
        yield k
    finally:
        k.kc.stop_channels()
        k.km.shutdown_kernel(now=False)
