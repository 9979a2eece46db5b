package io.github.promptscope.experiments;

import io.github.promptscope.backend.TextModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.AdaCsSubstitute;
import io.github.promptscope.neurons.CollectorConfig;
import io.github.promptscope.neurons.Concept;
import io.github.promptscope.neurons.ExplainerConfig;
import io.github.promptscope.neurons.NeuronCorpus;
import io.github.promptscope.neurons.CalibrationMethod;
import io.github.promptscope.neurons.PromptStyles;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunOutput;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.results.SweepRunner;
import io.github.promptscope.util.RepoPaths;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lee et al.'s comparison of explainer prompts (spec neurons.md 2.3, 5.1, 6) on neurons whose answer
 * is known: neurons planted for concepts ({@link ComparedNeurons}) and a few real neurons of the
 * subject model. Per (neuron, prompt) one record: the explanations ({@code n} samples, as ranked
 * prompts scored by the first simulator's top-and-random correlation), and the numbers of Lee et
 * al.'s table: simulate-and-score per simulator (top-and-random, top-only, random-only; mean and
 * best over the explanations; r-squared after calibration), tokens per neuron (the whole reference
 * prompt and the prompt as sent, each plus one explanation's completion), and for planted neurons
 * the AdaCS substitutes' similarity to the concept's ground truth and whether the explanation names
 * the concept. Records go through {@link SweepRunner}: atomic, with provenance, and a rerun skips
 * what is done. The explainer, the simulators and their weights are in each record's configuration,
 * so another explainer or simulator makes new records beside the old ones.
 *
 * <pre>{@code
 * SweepReport r = NeuronComparison.of(subject).explainer(textModel, "models/default", sha)
 *         .simulators(List.of(ComparisonSimulator.allAtOnce(lm), ComparisonSimulator.lexical()))
 *         .run(RecordStore.at(Path.of("results/neurons")));
 * }</pre>
 */
public final class NeuronComparison {

    /** The prompts compared by default: Bills et al.'s, Lee et al.'s four, and the token-lookup baseline. */
    public static final List<String> PROMPTS = List.of("original", "summary", "highlight", "highlight-summary", "avhs",
            ComparisonExplanations.TOKEN_LOOKUP);

    private final LanguageModel subject;
    private List<Concept> concepts = List.of(Concept.NUMBERS, Concept.COLOURS, Concept.COUNTRIES);
    private int plantLayer = 0;
    private int realLayer = 1;
    private int[] realNeurons = {0, 1};
    private List<String> prompts = PROMPTS;
    private TextModel explainer;
    private String explainerLabel = "";
    private String explainerSha = "";
    private List<ComparisonSimulator> simulators = List.of(ComparisonSimulator.lexical());
    private int n = 5;
    private long seed = 1;
    private int documents = 2000;
    private CalibrationMethod calibration = CalibrationMethod.LINEAR;
    private boolean progressBar = true;
    private ComparedNeurons neurons; // built on first use from the settings above
    private List<String> corpus; // generated on first use

    private NeuronComparison(LanguageModel subject) {
        this.subject = subject;
    }

    public static NeuronComparison of(LanguageModel subject) {
        return new NeuronComparison(subject);
    }

    public NeuronComparison concepts(List<Concept> c) {
        this.concepts = List.copyOf(c);
        return reset();
    }

    /** The layer the concept neurons are planted into (default 0). */
    public NeuronComparison plantLayer(int layer) {
        this.plantLayer = checkLayer(layer, "--plant-layer");
        return reset();
    }

    /** Real neurons of the subject compared beside the planted ones (default layer 1, neurons 0 and 1; none: no neurons). */
    public NeuronComparison realNeurons(int layer, int... indices) {
        this.realLayer = checkLayer(layer, "--real-layer");
        int width = subject.config().intermediateSize();
        for (int i : indices) {
            if (i < 0 || i >= width) {
                throw new IllegalArgumentException("--real-neurons: neuron " + i + " is outside 0.." + (width - 1)
                        + " (each layer has " + width + " MLP neurons)");
            }
        }
        this.realNeurons = indices.clone();
        return reset();
    }

    /** Prompt names as {@code --prompts} takes them (checked here). */
    public NeuronComparison prompts(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--prompts: name at least one prompt");
        }
        names.forEach(ComparisonExplanations::check);
        this.prompts = List.copyOf(names);
        return this;
    }

    /** The model that writes explanations, how records name it, and its weights' hash ("" for an endpoint). */
    public NeuronComparison explainer(TextModel model, String label, String weightsSha256) {
        this.explainer = model;
        this.explainerLabel = label;
        this.explainerSha = weightsSha256;
        return this;
    }

    /** The simulators that score every explanation; the first one ranks the explanations. */
    public NeuronComparison simulators(List<ComparisonSimulator> s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("the comparison needs at least one simulator");
        }
        this.simulators = List.copyOf(s);
        return this;
    }

    /** Explanations sampled per neuron and prompt (the token-lookup baseline always gives one). */
    public NeuronComparison n(int samples) {
        ExplainerConfig.defaults(io.github.promptscope.neurons.PromptStyle.SUMMARY).withN(samples); // checks 1..20 with the flag's name
        this.n = samples;
        return this;
    }

    public NeuronComparison seed(long s) {
        this.seed = s;
        return this;
    }

    /** Documents of the generated corpus the neurons are planted on and their excerpts taken from (default 2000). */
    public NeuronComparison documents(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("--documents must be at least 1, got " + d);
        }
        this.documents = d;
        return reset();
    }

    public NeuronComparison calibration(CalibrationMethod m) {
        this.calibration = m;
        return this;
    }

    public NeuronComparison progressBar(boolean show) {
        this.progressBar = show;
        return this;
    }

    /** One configuration per (neuron, prompt), neurons in {@link ComparedNeurons#neurons} order. */
    public List<RunConfig> configs() {
        List<RunConfig> out = new ArrayList<>();
        for (ComparedNeurons.Neuron neuron : neurons().neurons()) {
            for (String prompt : prompts) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("kind", neuron.planted() ? "planted" : "real");
                p.put("layer", neuron.id().layer());
                p.put("neuron", neuron.id().neuron());
                p.put("concept", neuron.planted() ? neuron.concept().cliName() : "");
                p.put("ground_truth", neuron.planted() ? neuron.concept().description() : "");
                p.put("documents", documents);
                p.put("window_tokens", CollectorConfig.defaults().windowTokens());
                boolean lm = !ComparisonExplanations.TOKEN_LOOKUP.equals(prompt);
                p.put("explainer", lm ? explainerLabel : "none (token lookup)");
                p.put("explainer_weights_sha256", lm ? explainerSha : "");
                p.put("n", lm ? n : 1);
                p.put("simulators", simulators.stream().map(ComparisonSimulator::describe).toList());
                p.put("calibration", calibration.cliName());
                out.add(RunConfig.of("neurons", prompt, neuron.dataset(), seed, RepoPaths.label(subject.dir()),
                        subject.weightsSha256(), p));
            }
        }
        return out;
    }

    /** Runs every configuration without a completed record in {@code store}, writing one record each. */
    public SweepReport run(RecordStore store) {
        if (explainer == null && prompts.stream().anyMatch(p -> !ComparisonExplanations.TOKEN_LOOKUP.equals(p))) {
            throw new IllegalStateException("LM prompts need an explainer model: call explainer(model, label, sha)");
        }
        List<RunConfig> configs = configs();
        ComparisonExplanations explanations = new ComparisonExplanations(explainer, n, seed, simulators, calibration,
                List.of(AdaCsSubstitute.tfIdfCosine(corpus()), AdaCsSubstitute.meanHiddenStateCosine(subject)));
        return SweepRunner.into(store).progressBar(progressBar).run(configs, c -> evaluate(c, store, explanations));
    }

    private RunOutput evaluate(RunConfig c, RecordStore store, ComparisonExplanations explanations) {
        ComparedNeurons.Neuron neuron = neurons().neurons().stream().filter(x -> x.dataset().equals(c.dataset()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no compared neuron for " + c.dataset()));
        return explanations.run(c.method(), neurons().record(neuron.id(), store.dir()), neuron.concept());
    }

    private ComparedNeurons neurons() {
        if (neurons == null) {
            neurons = new ComparedNeurons(subject, concepts, plantLayer, realLayer, realNeurons, corpus(),
                    CollectorConfig.defaults());
        }
        return neurons;
    }

    private List<String> corpus() {
        if (corpus == null) {
            corpus = NeuronCorpus.generated(documents);
        }
        return corpus;
    }

    private NeuronComparison reset() {
        neurons = null;
        corpus = null;
        return this;
    }

    private int checkLayer(int layer, String flag) {
        int layers = subject.config().numLayers();
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException(flag + " " + layer + " is outside 0.." + (layers - 1) + " (the model has "
                    + layers + " layers)");
        }
        return layer;
    }
}
