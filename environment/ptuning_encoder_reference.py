#!/usr/bin/env python3
"""PyTorch reference for PromptScope's hand-written P-tuning prompt encoders (EncoderTorchParityTest).

Reads a JSON file the test writes (the encoder's design, width and every parameter by its state_dict
name, plus the new design's anchor rows) and writes the encoder's output rows, computed by
torch.nn.Embedding / LSTM(bidirectional, 2 layers) / Linear / ReLU in float64, the modules the
references (THUDM/P-tuning, yoquankara/interpret_p_tuning modeling.py) use.

    python3 environment/ptuning_encoder_reference.py in.json out.json

With --fixture it writes the fixture EncoderTorchFixtureTest compares against on every build, torch or
not: per case, torch's own seeded initialisation of every parameter, the anchor rows, the output rows,
an upstream gradient and the gradient of sum(output * upstream) with respect to every parameter.

    python3 environment/ptuning_encoder_reference.py --fixture lib/src/test/resources/ptuning/encoder-torch-fixture.json
"""
import json
import sys

import torch


def modules_for(spec):
    width = spec["width"]
    modules = torch.nn.ModuleDict()
    if spec["design"] == "original":
        modules["embedding"] = torch.nn.Embedding(spec["slots"], width)
    modules["lstm_head"] = torch.nn.LSTM(input_size=width, hidden_size=width // 2, num_layers=2,
                                         dropout=0.0, bidirectional=True, batch_first=True)
    if spec["mlp"] == 2:
        modules["mlp_head"] = torch.nn.Sequential(torch.nn.Linear(width, width), torch.nn.ReLU(),
                                                  torch.nn.Linear(width, width))
    else:
        modules["mlp_head"] = torch.nn.Linear(width, width)
    return modules.double()


def build(spec):
    modules = modules_for(spec)
    state = {}
    for name, tensor in modules.state_dict().items():
        state[name] = torch.tensor(spec["params"][name], dtype=torch.float64).reshape(tensor.shape)
    modules.load_state_dict(state)
    return modules


def forward(m, spec, anchors):
    x = m["embedding"](torch.arange(spec["slots"])) if spec["design"] == "original" else anchors
    out = m["mlp_head"](m["lstm_head"](x.unsqueeze(0))[0]).squeeze(0)
    return out + x if spec.get("residual") else out


# Small cases (width 4: 2 LSTM units per direction; 4 slots) cover every branch: the original encoder, the new design with one or
# two linear layers, with and without the residual.
FIXTURE_CASES = [
    {"name": "original", "design": "original", "width": 4, "slots": 4, "mlp": 2, "residual": False, "seed": 1},
    {"name": "new-mlp1-residual", "design": "new", "width": 4, "slots": 4, "mlp": 1, "residual": True, "seed": 2},
    {"name": "new-mlp2-residual", "design": "new", "width": 4, "slots": 4, "mlp": 2, "residual": True, "seed": 3},
    {"name": "new-mlp1-plain", "design": "new", "width": 4, "slots": 4, "mlp": 1, "residual": False, "seed": 4},
]


def fixture(dst):
    cases = []
    for spec in FIXTURE_CASES:
        torch.manual_seed(spec["seed"])
        m = modules_for(spec)
        # anchors are embedding rows, float32 in the model: drawn in float32 so Java reads them exactly
        anchors = torch.randn(spec["slots"], spec["width"]).double()
        upstream = torch.randn(spec["slots"], spec["width"], dtype=torch.float64)
        out = forward(m, spec, anchors)
        (out * upstream).sum().backward()
        case = dict(spec)
        case["params"] = {n: t.detach().flatten().tolist() for n, t in m.state_dict().items()}
        case["anchors"] = anchors.tolist() if spec["design"] == "new" else None
        case["upstream"] = upstream.tolist()
        case["rows"] = out.detach().tolist()
        case["grads"] = {n: p.grad.flatten().tolist() for n, p in m.named_parameters()}
        cases.append(case)
    with open(dst, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")


def main(src, dst):
    with open(src) as f:
        spec = json.load(f)
    m = build(spec)
    anchors = torch.tensor(spec["anchors"], dtype=torch.float64) if spec["design"] == "new" else None
    with torch.no_grad():
        out = forward(m, spec, anchors)
    with open(dst, "w") as f:
        json.dump({"rows": out.tolist(), "torch": torch.__version__}, f)


if __name__ == "__main__":
    if sys.argv[1] == "--fixture":
        fixture(sys.argv[2])
    else:
        main(sys.argv[1], sys.argv[2])
