package io.github.promptscope.experiments;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.ActivationCollector;
import io.github.promptscope.neurons.CollectorConfig;
import io.github.promptscope.neurons.Concept;
import io.github.promptscope.neurons.NeuronId;
import io.github.promptscope.neurons.NeuronRecord;
import io.github.promptscope.neurons.NeuronRecordJson;
import io.github.promptscope.neurons.PlantedNeuron;
import io.github.promptscope.neurons.PlantedNeurons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The neurons {@link NeuronComparison} explains: neurons planted for known concepts into a copy of
 * the subject model (appended to one layer's MLP, so their indices are the layer's width, width + 1,
 * ... in the order of the concepts) and a few real neurons of the subject model. Their activation
 * records are collected once, on first use, and written beside the run records in OpenAI's layout
 * ({@code activations/LAYER/NEURON.json}) with the planting's {@code planted.json}, so a notebook can
 * show the excerpts the explanations were written from.
 */
final class ComparedNeurons {

    /** One neuron of the comparison; {@code concept} is null for a real neuron. */
    record Neuron(NeuronId id, Concept concept) {

        boolean planted() {
            return concept != null;
        }

        /** The record's dataset name: {@code planted_colours} or {@code real_L1_N5}. */
        String dataset() {
            return planted() ? "planted_" + concept.cliName() : "real_L" + id.layer() + "_N" + id.neuron();
        }
    }

    /** Folder of the activation records, under the run records' folder. */
    static final String ACTIVATIONS = "activations";

    private final LanguageModel subject;
    private final List<Concept> concepts;
    private final int plantLayer;
    private final int realLayer;
    private final int[] realNeurons;
    private final List<String> documents;
    private final CollectorConfig collector;
    private Map<NeuronId, NeuronRecord> records; // collected on first use

    ComparedNeurons(LanguageModel subject, List<Concept> concepts, int plantLayer, int realLayer, int[] realNeurons,
            List<String> documents, CollectorConfig collector) {
        this.subject = subject;
        this.concepts = List.copyOf(concepts);
        this.plantLayer = plantLayer;
        this.realLayer = realLayer;
        this.realNeurons = realNeurons.clone();
        this.documents = documents;
        this.collector = collector;
    }

    /** Planted neurons first (in the concepts' order), then the real ones. */
    List<Neuron> neurons() {
        List<Neuron> out = new ArrayList<>();
        int width = subject.config().intermediateSize();
        for (int k = 0; k < concepts.size(); k++) {
            out.add(new Neuron(new NeuronId(plantLayer, width + k), concepts.get(k)));
        }
        for (int n : realNeurons) {
            out.add(new Neuron(new NeuronId(realLayer, n), null));
        }
        return out;
    }

    /** The neuron's activation record; the first call plants, collects and writes them all under {@code recordsDir}. */
    synchronized NeuronRecord record(NeuronId id, Path recordsDir) {
        if (records == null) {
            try {
                records = collect(recordsDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot plant or collect the compared neurons: " + e.getMessage(), e);
            }
        }
        NeuronRecord r = records.get(id);
        if (r == null) {
            throw new IllegalArgumentException(id + " is not one of the compared neurons");
        }
        return r;
    }

    private Map<NeuronId, NeuronRecord> collect(Path recordsDir) throws IOException {
        Map<NeuronId, NeuronRecord> out = new LinkedHashMap<>();
        if (!concepts.isEmpty()) {
            Path copy = Files.createTempDirectory("promptscope-planted-");
            try {
                PlantedNeurons planting = PlantedNeurons.in(subject).corpus(documents, "generated corpus, "
                        + documents.size() + " documents");
                concepts.forEach(c -> planting.plant(plantLayer, c));
                List<PlantedNeuron> planted = planting.saveTo(copy);
                try (LanguageModel lm = LanguageModel.load(copy)) {
                    int[] ids = planted.stream().mapToInt(p -> p.id().neuron()).toArray();
                    new ActivationCollector(lm, collector).collect(plantLayer, ids, documents).forEach(r -> out.put(r.id(), r));
                }
                Files.createDirectories(recordsDir);
                io.github.promptscope.util.AtomicFiles.writeString(recordsDir.resolve(PlantedNeurons.MANIFEST),
                        Files.readString(copy.resolve(PlantedNeurons.MANIFEST)));
            } finally {
                deleteTree(copy);
            }
        }
        if (realNeurons.length > 0) {
            new ActivationCollector(subject, collector).collect(realLayer, realNeurons, documents)
                    .forEach(r -> out.put(r.id(), r));
        }
        for (NeuronRecord r : out.values()) {
            NeuronRecordJson.write(NeuronRecordJson.file(recordsDir.resolve(ACTIVATIONS), r.id()), r);
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
