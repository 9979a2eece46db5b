package io.github.promptscope.cli;

import io.github.promptscope.neurons.NeuronRecord;
import io.github.promptscope.neurons.NeuronScores;

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

    @Mixin
    SimulatorOption simulator;

    @Override
    public Integer call() throws Exception {
        NeuronRecord record = neuron.read();
        try (SimulatorOption.Opened sim = simulator.open(NeuronsModelDefault::locate)) {
            NeuronScores scores;
            try {
                scores = NeuronScores.of(record, explanation, sim.simulator().simulator(), NeuronRecord.EXAMPLES_PER_SPLIT);
            } catch (RuntimeException e) {
                throw simulator.explain(e);
            }
            System.out.println(scores.toJson());
        }
        return 0;
    }
}
