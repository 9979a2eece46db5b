package io.github.promptscope.cli;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.AllAtOnceSimulator;
import io.github.promptscope.neurons.FewShotExamples;
import io.github.promptscope.neurons.NeuronRecord;
import io.github.promptscope.neurons.NeuronScores;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Simulate a neuron from an explanation on its valid excerpts (5 top, 5 random) and print the",
                "correlations of simulated and true activations as JSON: top_only, random_only, top_and_random."})
final class NeuronsScoreCommand implements Callable<Integer> {

    @Mixin
    NeuronRecordOption neuron;

    @Option(names = "--explanation", required = true, description = "What the neuron is said to look for.")
    String explanation;

    @Option(names = "--simulator", paramLabel = "DIR", description = "Checkpoint folder of the simulator model; default: models/neurons (trained to simulate), or models/default where it is missing.")
    Path simulator;

    @Override
    public Integer call() throws Exception {
        NeuronRecord record = neuron.read();
        Path dir = simulator == null ? NeuronsModelDefault.locate() : simulator;
        try (LanguageModel lm = LanguageModel.load(dir)) {
            NeuronScores scores = NeuronScores.of(record, explanation, new AllAtOnceSimulator(lm,
                    FewShotExamples.forModel(dir)), NeuronRecord.EXAMPLES_PER_SPLIT);
            System.out.println(scores.toJson());
        }
        return 0;
    }
}
