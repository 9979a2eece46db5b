package io.github.promptscope.explain;

import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.ActivationCollector;
import io.github.promptscope.neurons.AllAtOnceSimulator;
import io.github.promptscope.neurons.CollectorConfig;
import io.github.promptscope.neurons.ExplainerConfig;
import io.github.promptscope.neurons.ExplainerRun;
import io.github.promptscope.neurons.LmExplainer;
import io.github.promptscope.neurons.NeuronCorpus;
import io.github.promptscope.neurons.NeuronRecord;
import io.github.promptscope.neurons.NeuronScores;
import io.github.promptscope.neurons.NeuronSimulator;
import io.github.promptscope.neurons.PromptStyle;

import java.util.List;

/**
 * Settings for explaining one MLP neuron ({@link Explain#neuron}): where the excerpts come from, which
 * prompt and explainer, which simulator. Defaults: 2,000 documents of the generated corpus, Lee et
 * al.'s Summary prompt with the reference's sampling on the subject model itself, its all-at-once
 * simulator; {@link #run} collects, explains and scores.
 */
public final class NeuronBuilder {

    /** Documents of the generated corpus by default (as {@code neurons record}). */
    public static final int DEFAULT_DOCUMENTS = 2000;

    private final LanguageModel model;
    private final int layer;
    private final int neuron;
    private List<String> documents;
    private int generatedDocuments = DEFAULT_DOCUMENTS;
    private CollectorConfig collector = CollectorConfig.defaults();
    private ExplainerConfig explainer = ExplainerConfig.defaults(PromptStyle.SUMMARY);
    private TextModel explainerModel;
    private NeuronSimulator simulator;

    NeuronBuilder(LanguageModel model, int layer, int neuron) {
        if (layer < 0 || layer >= model.config().numLayers()) {
            throw new IllegalArgumentException("layer " + layer + " is outside 0.." + (model.config().numLayers() - 1));
        }
        if (neuron < 0 || neuron >= model.config().intermediateSize()) {
            throw new IllegalArgumentException("neuron " + neuron + " is outside 0.." + (model.config().intermediateSize() - 1));
        }
        this.model = model;
        this.layer = layer;
        this.neuron = neuron;
    }

    /** How many documents of the generated corpus to take excerpts from. */
    public NeuronBuilder documents(int generated) {
        this.generatedDocuments = generated;
        this.documents = null;
        return this;
    }

    /** The user's documents instead of the generated corpus, used as given. */
    public NeuronBuilder text(List<String> docs) {
        this.documents = List.copyOf(docs);
        return this;
    }

    public NeuronBuilder collector(CollectorConfig c) {
        this.collector = c;
        return this;
    }

    public NeuronBuilder prompt(PromptStyle style) {
        this.explainer = explainer.withStyle(style);
        return this;
    }

    public NeuronBuilder explainer(ExplainerConfig c) {
        this.explainer = c;
        return this;
    }

    /** Another model writes the explanations (a local one, or an endpoint); default: the subject model. */
    public NeuronBuilder explainerModel(TextModel m) {
        this.explainerModel = m;
        return this;
    }

    public NeuronBuilder simulator(NeuronSimulator s) {
        this.simulator = s;
        return this;
    }

    /** Collects the neuron's record, explains it from the train split, scores the first explanation on valid. */
    public NeuronExplanation run() {
        List<String> docs = documents != null ? documents : NeuronCorpus.generated(generatedDocuments);
        NeuronRecord record = new ActivationCollector(model, collector).collect(layer, new int[] {neuron}, docs).get(0);
        TextModel writer = explainerModel != null ? explainerModel : new LocalTextModel(model);
        ExplainerRun run = (explainerModel != null ? new LmExplainer(writer, explainer)
                : LmExplainer.forFolder(writer, explainer, model.dir())).run(record);
        NeuronSimulator sim = simulator != null ? simulator : AllAtOnceSimulator.forModel(model);
        NeuronScores scores = NeuronScores.of(record, run.explanations().get(0), sim, NeuronRecord.EXAMPLES_PER_SPLIT);
        return new NeuronExplanation(record, run, scores);
    }
}
