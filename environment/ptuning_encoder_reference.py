#!/usr/bin/env python3
"""PyTorch reference for PromptScope's hand-written P-tuning prompt encoders (EncoderTorchParityTest).

Reads a JSON file the test writes (the encoder's design, width and every parameter by its state_dict
name, plus the new design's anchor rows) and writes the encoder's output rows, computed by
torch.nn.Embedding / LSTM(bidirectional, 2 layers) / Linear / ReLU in float64, the modules the
references (THUDM/P-tuning, yoquankara/interpret_p_tuning modeling.py) use.

    python3 environment/ptuning_encoder_reference.py in.json out.json
"""
import json
import sys

import torch


def build(spec):
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
    modules = modules.double()
    state = {}
    for name, tensor in modules.state_dict().items():
        state[name] = torch.tensor(spec["params"][name], dtype=torch.float64).reshape(tensor.shape)
    modules.load_state_dict(state)
    return modules


def main(src, dst):
    with open(src) as f:
        spec = json.load(f)
    m = build(spec)
    with torch.no_grad():
        if spec["design"] == "original":
            x = m["embedding"](torch.arange(spec["slots"]))
        else:
            x = torch.tensor(spec["anchors"], dtype=torch.float64)
        out = m["mlp_head"](m["lstm_head"](x.unsqueeze(0))[0]).squeeze(0)
        if spec.get("residual"):
            out = out + x
    with open(dst, "w") as f:
        json.dump({"rows": out.tolist(), "torch": torch.__version__}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
