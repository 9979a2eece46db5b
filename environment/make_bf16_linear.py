"""Writes the TorchScript module behind `--dtype bfloat16`: one shape-agnostic linear layer.

DJL's PyTorch JNI (0.34) maps no bfloat16 dtype (creating or casting a BFLOAT16 NDArray aborts the
JVM), so Java never holds a bfloat16 tensor. It calls this module with float32 activations, the
float32 weight ([out, in], PyTorch's layout) and the weight's name; the first call with a name keeps
a bfloat16 copy of the weight inside the module (the model makes that call for every weight at load
time, so later calls from several threads only read), and every call multiplies in bfloat16 (oneDNN
accumulates in float32) and returns the product as float32. Bias, norms, softmax and losses stay in
Java's float32.

    python environment/make_bf16_linear.py [OUT]   # default: the resource the jar ships

Needs torch (the local mirror has 2.13: PIP_INDEX_URL=file:///opt/pypi/simple
--extra-index-url file:///opt/pypi-more/simple pip install torch). The file is a few KB and
committed; rerun this only to change the module.
"""
import os
import sys
import zipfile
from typing import Dict

import torch


class Bf16Linear(torch.nn.Module):
    weights: Dict[str, torch.Tensor]

    def __init__(self) -> None:
        super().__init__()
        self.weights = {}

    def forward(self, x: torch.Tensor, weight: torch.Tensor, name: str) -> torch.Tensor:
        kept = self.weights.get(name)
        if kept is None:
            kept = weight.to(torch.bfloat16).contiguous()
            self.weights[name] = kept
        return torch.nn.functional.linear(x.to(torch.bfloat16), kept).to(torch.float32)


def without_debug_info(src: str, dst: str) -> None:
    """Copies the archive without its *.debug_pkl records: they hold this checkout's absolute path
    (source ranges for error messages), which a committed file must not, and loading does not need them."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst + ".part", "w", zipfile.ZIP_STORED) as zout:
        for item in zin.infolist():
            if not item.filename.endswith(".debug_pkl"):
                zout.writestr(item, zin.read(item.filename))
    os.replace(dst + ".part", dst)


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "lib", "src", "main", "resources", "io", "github", "promptscope", "lm",
                           "bf16_linear.pt")
    out = sys.argv[1] if len(sys.argv) > 1 else default
    torch.jit.script(Bf16Linear()).save(out + ".tmp")
    # checked on a fresh load, as Java will use it: any shape, weights kept by name
    module = torch.jit.load(out + ".tmp")
    for name, x_shape, w_shape in [("a", (3, 5, 8), (4, 8)), ("b", (7, 16), (6, 16)), ("a", (1, 2, 8), (4, 8))]:
        torch.manual_seed(len(x_shape))
        x = torch.randn(*x_shape)
        w = torch.randn(*w_shape) if name not in module.weights else module.weights[name].float()
        got = module(x, w, name)
        want = torch.nn.functional.linear(x.to(torch.bfloat16), w.to(torch.bfloat16)).float()
        assert torch.equal(got, want), f"module differs from torch's bfloat16 linear at {x_shape} x {w_shape}"
    torch.jit.script(Bf16Linear()).save(out + ".tmp")  # the shipped copy starts with no weights kept
    without_debug_info(out + ".tmp", out)
    assert torch.equal(torch.jit.load(out)(x, w, "c"), want), "the copy without debug info differs"
    os.remove(out + ".tmp")
    print(f"wrote {os.path.normpath(out)} ({os.path.getsize(out)} bytes, torch {torch.__version__})")


if __name__ == "__main__":
    main()
