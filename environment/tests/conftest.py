import os
from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel

REPO = Path(__file__).resolve().parents[2]
KERNEL = "promptscope-java"


class Kernel:
    """A started kernel plus helpers that collect what one execute_request produced."""

    def __init__(self, km, kc):
        self.km, self.kc = km, kc

    def execute(self, code, timeout=120):
        msg_id = self.kc.execute(code)
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            t = msg["msg_type"]
            if t == "status" and msg["content"]["execution_state"] == "idle":
                break
            if t in ("stream", "execute_result", "display_data", "error", "update_display_data"):
                outputs.append(msg)
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        return reply["content"], outputs

    def value(self, code):
        reply, outputs = self.execute(code)
        assert reply["status"] == "ok", outputs
        results = [o for o in outputs if o["msg_type"] == "execute_result"]
        assert results, f"no execute_result for {code!r}: {outputs}"
        return results[-1]["content"]["data"]


@pytest.fixture(scope="module")
def kernel():
    assert (REPO / "kernels" / KERNEL / "kernel.json").is_file(), "run environment/setup first"
    os.environ["JUPYTER_PATH"] = str(REPO)
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120, cwd=str(REPO / "notebooks"))
    try:
        yield Kernel(km, kc)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
