package io.github.promptscope.cli;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.AllAtOnceSimulator;
import io.github.promptscope.neurons.FewShotExamples;
import io.github.promptscope.neurons.NeuronId;
import io.github.promptscope.neurons.NeuronRecord;
import io.github.promptscope.neurons.NeuronRecordJson;
import io.github.promptscope.neurons.NeuronScores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Simulate a neuron from an explanation on its valid excerpts (5 top, 5 random) and print the",
                "correlations of simulated and true activations as JSON: top_only, random_only, top_and_random."})
final class NeuronsScoreCommand implements Callable<Integer> {

    @Option(names = "--records", required = true, paramLabel = "DIR", description = "Folder of LAYER/NEURON.json records.")
    Path records;

    @Option(names = "--neuron", required = true, description = "Neuron index.")
    int neuron;

    @Option(names = "--layer", description = "Layer index; needed only when several layers have this neuron.")
    Integer layer;

    @Option(names = "--explanation", required = true, description = "What the neuron is said to look for.")
    String explanation;

    @Option(names = "--simulator", paramLabel = "DIR", description = "Checkpoint folder of the simulator model; default: models/default.")
    Path simulator;

    @Override
    public Integer call() throws Exception {
        NeuronRecord record = NeuronRecordJson.read(find());
        try (LanguageModel lm = simulator == null ? LanguageModel.loadDefault() : LanguageModel.load(simulator)) {
            NeuronScores scores = NeuronScores.of(record, explanation, new AllAtOnceSimulator(lm,
                    FewShotExamples.original()), NeuronRecord.EXAMPLES_PER_SPLIT);
            System.out.println(scores.toJson());
        }
        return 0;
    }

    private Path find() throws IOException {
        if (!Files.isDirectory(records)) {
            throw new IllegalArgumentException("--records " + records + ": not a folder");
        }
        List<Path> found = new ArrayList<>();
        List<String> layers = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(records)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                layers.add(d.getFileName().toString());
                if (layer == null || d.getFileName().toString().equals(Integer.toString(layer))) {
                    Path f = NeuronRecordJson.file(records, new NeuronId(Integer.parseInt(d.getFileName().toString()), neuron));
                    if (Files.isRegularFile(f)) {
                        found.add(f);
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--records " + records + ": expected only layer folders named by number");
        }
        if (found.isEmpty()) {
            String where = layer == null ? "in layers " + layers : "in layer " + layer;
            throw new IllegalArgumentException("--neuron " + neuron + ": no record " + where + " of " + records);
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("--neuron " + neuron + " has records in several layers " + layers
                    + "; choose one with --layer");
        }
        return found.get(0);
    }
}
