#!/usr/bin/env python3
"""Neuron-explanation prompts rendered by the reference Python code, for NeuronPromptParityTest.

The reference code is not part of this repository. Get the two checkouts (the commits the spec
read), then run this script with their neuron-explainer folders:

    git clone https://github.com/openai/automated-interpretability /tmp/oai
    git -C /tmp/oai checkout e4aa21b
    git clone https://github.com/Trustworthy-ML-Lab/Efficient-LLM-automated-interpretability /tmp/lee
    git -C /tmp/lee checkout d0719aa
    python3 environment/neuron_fixtures.py --oai /tmp/oai/neuron-explainer --lee /tmp/lee/neuron-explainer

Needs only numpy and orjson (pip install numpy orjson). The packages the reference imports for
network access and token counting (tiktoken, blobfile, boostedblob, httpx, sklearn) are replaced by
empty stand-ins: none of them takes part in building a prompt. Token counting
(PromptBuilder.prompt_length_in_tokens, cl100k_base) is stubbed to 0, so no prompt is shrunk to fit
GPT's context; the Java side does not shrink either.

Both checkouts name their package `neuron_explainer`, so OpenAI's is imported, used and removed
from sys.modules before Lee et al.'s is imported. The few-shot examples are PromptScope's own
(lib/src/main/resources/io/github/promptscope/neurons/few_shot_examples.json), put in place of the
reference's ORIGINAL set, which is not copied. Records are synthetic, drawn with a fixed seed.

Writes lib/src/test/resources/neurons/prompt_fixtures.json:
  records: NeuronRecord JSON as the reference's own serializer (fast_dataclasses.dumps) writes it
  normalized / non_zero_proportion / max_activation: activation_records.py on each train split
  explanation_prompts: per record, per style, the prompt as text (format none) and as chat messages
  simulation_prompts: per record, ExplanationNeuronSimulator's prompt for two valid excerpts
  scores: scoring.py's correlation, r-squared and absolute-deviation scores on fixed vectors
"""
import argparse
import copy
import json
import pathlib
import random
import sys
import types

ROOT = pathlib.Path(__file__).resolve().parent.parent
FEW_SHOT = ROOT / "lib/src/main/resources/io/github/promptscope/neurons/few_shot_examples.json"
OUT = ROOT / "lib/src/test/resources/neurons/prompt_fixtures.json"

STYLES = ["ORIGINAL", "SUMMARY", "HIGHLIGHT", "HIGHLIGHT_SUMMARY", "AVHS"]
WORDS = [" the", " cat", " sat", " on", " mat", ",", " and", " 42", " seven", " rain", "\n", " [x]", " é", "(",
         ")", " unknown", "\t", " 10", "ing", " walking"]


def stub_unneeded_modules():
    """Stand-ins for modules imported at module level but never used to build a prompt (the API
    client, which wants a key, is replaced in use_package)."""
    for name in ["tiktoken", "blobfile", "httpx", "sklearn", "sklearn.linear_model"]:
        sys.modules.setdefault(name, types.ModuleType(name))
    bbb = types.ModuleType("boostedblob")
    bbb.ensure_session = lambda f: f
    sys.modules["boostedblob"] = bbb
    sys.modules["sklearn"].linear_model = sys.modules["sklearn.linear_model"]


def use_package(path):
    """Import neuron_explainer from `path`, dropping any other copy already imported."""
    for name in list(sys.modules):
        if name == "neuron_explainer" or name.startswith("neuron_explainer."):
            del sys.modules[name]
    sys.path.insert(0, str(path))
    client = types.ModuleType("neuron_explainer.api_client")  # the API client wants a key; no call is made
    client.ApiClient = lambda *args, **kwargs: None
    sys.modules["neuron_explainer.api_client"] = client
    import neuron_explainer.explanations.prompt_builder as pb
    pb.PromptBuilder.prompt_length_in_tokens = lambda self, fmt: 0
    return pb


def drop_package(path):
    sys.path.remove(str(path))


def install_few_shot(acts):
    """Puts PromptScope's few-shot examples in place of the reference's ORIGINAL set (fresh copies:
    Lee et al.'s AVHS overwrites records' activations while rendering)."""
    import neuron_explainer.explanations.few_shot_examples as fse
    data = json.loads(FEW_SHOT.read_text())
    fse.ORIGINAL_EXAMPLES = [
        fse.Example(
            activation_records=[acts.ActivationRecord(tokens=r["tokens"], activations=r["activations"])
                                for r in e["activation_records"]],
            explanation=e["explanation"],
            first_revealed_activation_indices=e["first_revealed_activation_indices"],
        )
        for e in data["examples"]
    ]


def excerpt(rng, acts, length, peak):
    tokens = [rng.choice(WORDS) for _ in range(length)]
    values = [rng.gauss(0.0, 0.15) for _ in range(length)]
    for _ in range(rng.randint(1, 3)):
        values[rng.randrange(length)] = peak * rng.uniform(0.3, 1.0)
    values[rng.randrange(length)] = peak  # an exact maximum: normalizes to 10
    values[rng.randrange(length)] = peak * 0.7  # a value on a floor boundary in exact arithmetic
    return acts.ActivationRecord(tokens=tokens, activations=values)


def make_records(acts, seed):
    rng = random.Random(seed)
    records = []
    for neuron in range(3):
        length = 24 if neuron == 0 else 16  # longer excerpts: under 20% non-zero, so Original repeats them
        top = [excerpt(rng, acts, length, 4.0 - 0.1 * i) for i in range(20)]
        rand = [excerpt(rng, acts, 16, 0.8 * rng.random()) for _ in range(15)]
        if neuron == 2:  # a dense neuron: Original's zero-filtered repeat is left out above 20% non-zero
            for r in top[:20]:
                r.activations = [abs(v) + 1.0 for v in r.activations]
        records.append(acts.NeuronRecord(
            neuron_id=acts.NeuronId(layer_index=1, neuron_index=17 + neuron),
            random_sample=rand,
            quantile_boundaries=[0.0, 0.1, 0.5 + 0.5 * neuron, 2.0],
            mean=0.01, variance=0.2, skewness=float("nan"), kurtosis=3.5,
            most_positive_activation_records=top,
        ))
    return records


def oai_renderings(path, out):
    stub_unneeded_modules()
    pb = use_package(path)
    import neuron_explainer.activations.activations as acts
    import neuron_explainer.activations.activation_records as ar
    import neuron_explainer.explanations.explainer as ex
    import neuron_explainer.explanations.simulator as sim
    import neuron_explainer.explanations.scoring as scoring
    from neuron_explainer.fast_dataclasses import dumps
    install_few_shot(acts)
    params = acts.ActivationRecordSliceParams(n_examples_per_split=5)
    records = make_records(acts, seed=13)
    for rec in records:
        train = rec.train_activation_records(params)
        valid = rec.valid_activation_records(params)
        mx = ar.calculate_max_activation(train)
        entry = {
            "record": json.loads(dumps(rec)),
            "max_activation": mx,
            "normalized": [ar.normalize_activations(r.activations, mx) for r in train],
            "non_zero_proportion": ar.non_zero_activation_proportion(train, mx),
            "explanation_prompts": {},
            "simulation_prompts": [],
        }
        for fmt, model in [("NONE", "davinci"), ("INSTRUCTION_FOLLOWING", "davinci"), ("CHAT", "gpt-4")]:
            pf = {"NONE": pb.PromptFormat.NONE, "INSTRUCTION_FOLLOWING": pb.PromptFormat.INSTRUCTION_FOLLOWING,
                  "CHAT": pb.PromptFormat.HARMONY_V4}[fmt]
            explainer = ex.TokenActivationPairExplainer(model_name=model, prompt_format=pf)
            prompt = explainer.make_explanation_prompt(all_activation_records=train, max_activation=mx,
                                                       max_tokens_for_completion=60)
            entry["explanation_prompts"].setdefault("ORIGINAL", {})[fmt] = prompt
        for r in valid[4:6]:  # a top excerpt and a random one
            for fmt, pf in [("NONE", pb.PromptFormat.NONE), ("INSTRUCTION_FOLLOWING", pb.PromptFormat.INSTRUCTION_FOLLOWING)]:
                simulator = sim.ExplanationNeuronSimulator("davinci", "  words about rain\n", prompt_format=pf)
                entry["simulation_prompts"].append({"tokens": r.tokens, "format": fmt,
                                                    "prompt": simulator.make_simulation_prompt(r.tokens)})
        out.append(entry)
    rng = random.Random(5)
    true = [rng.gauss(0, 1) for _ in range(40)]
    cases = {"random": [rng.uniform(0, 10) for _ in range(40)],
             "linear": [3 * t + 1 for t in true],
             "noisy": [t + rng.gauss(0, 0.5) for t in true]}
    scores = {"true": true, "cases": {}}
    for name, predicted in cases.items():
        scores["cases"][name] = {
            "predicted": predicted,
            "correlation": float(scoring.correlation_score(true, predicted)),
            "rsquared": scoring.rsquared_score_from_sequences(true, predicted),
            "absolute_dev_explained": scoring.absolute_dev_explained_score_from_sequences(true, predicted),
        }
    drop_package(path)
    return scores


def lee_renderings(path, out):
    stub_unneeded_modules()
    pb = use_package(path)
    import neuron_explainer.activations.activations as acts
    import neuron_explainer.activations.activation_records as ar
    import neuron_explainer.explanations.explainer as ex
    from neuron_explainer.fast_dataclasses import loads
    classes = {"SUMMARY": ex.SummaryExplainer, "HIGHLIGHT": ex.HighlightExplainer,
               "HIGHLIGHT_SUMMARY": ex.HighlightSummaryExplainer, "AVHS": ex.AVHSExplainer}
    params = acts.ActivationRecordSliceParams(n_examples_per_split=5)
    for entry in out:
        for style, cls in classes.items():
            for fmt, model, pf in [("NONE", "davinci", pb.PromptFormat.NONE),
                                   ("INSTRUCTION_FOLLOWING", "davinci", pb.PromptFormat.INSTRUCTION_FOLLOWING),
                                   ("CHAT", "gpt-3.5-turbo", pb.PromptFormat.HARMONY_V4)]:
                install_few_shot(acts)
                rec = loads(json.dumps(entry["record"]))  # a fresh copy: AVHS overwrites activations
                train = rec.train_activation_records(params)
                explainer = cls(model_name=model, prompt_format=pf)
                kwargs = {"all_activation_records": train, "max_tokens_for_completion": 60}
                if style == "AVHS":
                    kwargs["max_activation"] = ar.calculate_max_activation(train)
                else:
                    kwargs["cutoff"] = rec.quantile_boundaries[2]  # as Lee et al.'s utils.get_explanation
                entry["explanation_prompts"].setdefault(style, {})[fmt] = explainer.make_explanation_prompt(**kwargs)
    drop_package(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--oai", required=True, type=pathlib.Path, help="openai/automated-interpretability/neuron-explainer")
    parser.add_argument("--lee", required=True, type=pathlib.Path,
                        help="Trustworthy-ML-Lab/Efficient-LLM-automated-interpretability/neuron-explainer")
    args = parser.parse_args()
    import numpy
    import orjson
    neurons = []
    scores = oai_renderings(args.oai.resolve(), neurons)
    lee_renderings(args.lee.resolve(), neurons)
    fixtures = {
        "generated_by": "environment/neuron_fixtures.py",
        "references": {"openai/automated-interpretability": "e4aa21b",
                       "Trustworthy-ML-Lab/Efficient-LLM-automated-interpretability": "d0719aa"},
        "python": sys.version.split()[0], "numpy": numpy.__version__, "orjson": orjson.__version__,
        "neurons": neurons,
        "scores": scores,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixtures, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(neurons)} neurons, {len(STYLES)} styles")


if __name__ == "__main__":
    main()
