package io.github.promptscope.cli;

import io.github.promptscope.neurons.NeuronId;
import io.github.promptscope.neurons.NeuronRecordJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds one neuron's record in a {@code --records} folder of {@code LAYER/NEURON.json} files. */
final class NeuronRecordFiles {

    private NeuronRecordFiles() {}

    /** The file of {@code --neuron} (in {@code --layer}, needed only when several layers have it). */
    static Path find(Path records, int neuron, Integer layer) throws IOException {
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
