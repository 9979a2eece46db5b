"""Writes the TorchScript module behind GPT-2's activation at inference: tanh-GELU as one kernel.

GPT-2's "gelu_new" is 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). DJL's PyTorch JNI (0.34) offers
only the erf GELU, so Java spelled the tanh form out as eight elementwise passes over the MLP's widest
activation ([rows, 4 x d_model]); PyTorch's gelu(approximate="tanh") computes the same expression in one
pass. Java calls this module with a float32 tensor and gets the activation back (lm/FusedGelu.java).

    python environment/make_gelu_tanh.py [OUT]   # default: the resource the jar ships

Needs torch (the local mirror has 2.13: PIP_INDEX_URL=file:///opt/pypi/simple
--extra-index-url file:///opt/pypi-more/simple pip install torch). The file is a few KB and
committed; rerun this only to change the module.
"""
import math
import os
import sys

import torch

from make_bf16_linear import without_debug_info


class GeluTanh(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.nn.functional.gelu(x, approximate="tanh")


def spelled_out(x: torch.Tensor) -> torch.Tensor:
    """transformers' NewGELUActivation, operation for operation."""
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "lib", "src", "main", "resources", "io", "github", "promptscope", "lm",
                           "gelu_tanh.pt")
    out = sys.argv[1] if len(sys.argv) > 1 else default
    torch.jit.script(GeluTanh()).save(out + ".tmp")
    without_debug_info(out + ".tmp", out)
    os.remove(out + ".tmp")
    module = torch.jit.load(out)  # checked on a fresh load, as Java will use it
    torch.manual_seed(0)
    for shape in [(3, 5, 3072), (7, 16), (1,)]:
        x = torch.randn(*shape) * 4
        got, want = module(x), spelled_out(x)
        off = (got - want).abs().max().item()
        # one kernel rounds a few intermediates differently: ~1% of values move by an ulp or two
        assert torch.allclose(got, want, rtol=1e-5, atol=1e-6), f"module differs from gelu_new at {shape} (by {off})"
        print(f"{shape}: {(got != want).sum().item()} of {x.numel()} values differ, by at most {off:.3g}")
    print(f"wrote {os.path.normpath(out)} ({os.path.getsize(out)} bytes, torch {torch.__version__})")


if __name__ == "__main__":
    main()
