package io.github.promptscope.cli;

import io.github.promptscope.neurons.NeuronRecord;
import io.github.promptscope.neurons.NeuronRecordJson;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which neuron record a {@code neurons} subcommand reads: {@code --records DIR --neuron N [--layer L]}. */
final class NeuronRecordOption {

    @Option(names = "--records", required = true, paramLabel = "DIR", description = "Folder of LAYER/NEURON.json records.")
    Path records;

    @Option(names = "--neuron", required = true, description = "Neuron index.")
    int neuron;

    @Option(names = "--layer", description = "Layer index; needed only when several layers have this neuron.")
    Integer layer;

    /** The record, with errors naming --records, --neuron or --layer. */
    NeuronRecord read() throws IOException {
        return NeuronRecordJson.read(NeuronRecordFiles.find(records, neuron, layer));
    }
}
