package io.github.promptscope.cli;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.ActivationCollector;
import io.github.promptscope.neurons.CollectorConfig;
import io.github.promptscope.neurons.NeuronCorpus;
import io.github.promptscope.neurons.NeuronRecord;
import io.github.promptscope.neurons.NeuronRecordJson;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Collect activation records of MLP neurons (blocks.L.mlp.hook_post): per neuron the excerpts",
                "with the highest maximum activation and a random sample, written as OUT/LAYER/NEURON.json in",
                "OpenAI's neuron-explainer layout."})
final class NeuronsRecordCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Option(names = "--layer", required = true, description = "Layer index, from 0.")
    int layer;

    @Option(names = "--neurons", defaultValue = "0-63", description = "Neuron indices: 0-63, 5 or 1,3,10-12 (default ${DEFAULT-VALUE}).")
    String neurons;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder the records are written to.")
    Path out;

    @Option(names = "--text", paramLabel = "FILE", split = ",",
            description = "Text files to take excerpts from (each file one document); default: the generated corpus.")
    List<Path> texts;

    @Option(names = "--documents", defaultValue = "2000",
            description = "Documents of the generated corpus to use (default ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--window", defaultValue = "64", description = "Tokens per excerpt (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--top", defaultValue = "20", description = "Top-activating excerpts kept per neuron (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--random", defaultValue = "15", description = "Random excerpts kept per neuron (default ${DEFAULT-VALUE}).")
    int random;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random excerpts (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        int[] indices = NeuronsCommand.parseNeurons(neurons);
        try (LanguageModel lm = model.load()) {
            int layers = lm.config().numLayers();
            int width = lm.config().intermediateSize();
            if (layer < 0 || layer >= layers) {
                throw new IllegalArgumentException("--layer " + layer + " is outside 0.." + (layers - 1) + " (the model has "
                        + layers + " layers)");
            }
            for (int n : indices) {
                if (n < 0 || n >= width) {
                    throw new IllegalArgumentException("--neurons: neuron " + n + " is outside 0.." + (width - 1)
                            + " (each layer has " + width + " MLP neurons)");
                }
            }
            List<String> docs = texts == null ? NeuronCorpus.generated(documents) : NeuronCorpus.files(texts);
            CollectorConfig config = new CollectorConfig(window, top, random, 16, seed);
            List<NeuronRecord> records = new ActivationCollector(lm, config).collect(layer, indices, docs);
            for (NeuronRecord r : records) {
                NeuronRecordJson.write(NeuronRecordJson.file(out, r.id()), r);
            }
            System.out.println(records.size() + " neuron records of layer " + layer + " written to "
                    + out.resolve(Integer.toString(layer)));
        }
        return 0;
    }
}
