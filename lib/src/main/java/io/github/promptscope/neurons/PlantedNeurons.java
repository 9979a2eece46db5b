package io.github.promptscope.neurons;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.AddedMlpNeurons;
import io.github.promptscope.util.AtomicFiles;
import io.github.promptscope.util.RepoPaths;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plants concept neurons into a copy of a model (spec neurons.md 7.5), ground truth for testing
 * explainers and simulators:
 * <pre>{@code
 * List<PlantedNeuron> planted = PlantedNeurons.in(model).plant(0, Concept.COLOURS).plant(0, Concept.NUMBERS)
 *         .saveTo(Path.of("out/planted"));
 * }</pre>
 * Each neuron's input direction is fitted on the corpus ({@link PlantedNeuronFit}); the neurons are
 * appended to the MLPs with zero output weights ({@link AddedMlpNeurons}), so the copy's outputs are
 * the original's ({@link #maxLogProbDifference} checks it). The copy's folder also gets
 * {@code planted.json}, saying which neuron fires on what. The model's own folder is never written.
 */
public final class PlantedNeurons {

    /** The file in the copy's folder that lists the planted neurons. */
    public static final String MANIFEST = "planted.json";

    /** Documents of the generated corpus fitted on by default (about 1,400 excerpts of 64 tokens). */
    public static final int DEFAULT_DOCUMENTS = 2000;

    private final LanguageModel model;
    private final List<Integer> layers = new ArrayList<>();
    private final List<Concept> concepts = new ArrayList<>();
    private List<String> documents;
    private String corpusLabel;

    private PlantedNeurons(LanguageModel model) {
        this.model = model;
    }

    public static PlantedNeurons in(LanguageModel model) {
        return new PlantedNeurons(model);
    }

    /** The documents the directions are fitted on (default: {@value #DEFAULT_DOCUMENTS} generated documents). */
    public PlantedNeurons corpus(List<String> documents, String label) {
        this.documents = List.copyOf(documents);
        this.corpusLabel = label;
        return this;
    }

    /** Adds a neuron to block {@code layer} that fires on {@code concept}. */
    public PlantedNeurons plant(int layer, Concept concept) {
        int layerCount = model.config().numLayers();
        if (layer < 0 || layer >= layerCount) {
            throw new IllegalArgumentException("--layer " + layer + " is outside 0.." + (layerCount - 1) + " (the model has "
                    + layerCount + " layers)");
        }
        layers.add(layer);
        concepts.add(concept);
        return this;
    }

    /** Fits every neuron, writes the copy to {@code dir} and returns the neurons in the order planted. */
    public List<PlantedNeuron> saveTo(Path dir) throws IOException {
        if (concepts.isEmpty()) {
            throw new IllegalStateException("nothing to plant: call plant(layer, concept) first");
        }
        if (documents == null) {
            corpus(NeuronCorpus.generated(DEFAULT_DOCUMENTS), "generated corpus, " + DEFAULT_DOCUMENTS + " documents");
        }
        List<long[]> windows = new ActivationCollector(model, CollectorConfig.defaults()).windows(documents);
        List<PlantedNeuronFit> fits = new ArrayList<>();
        List<AddedMlpNeurons.Neuron> added = new ArrayList<>();
        Map<Integer, PlantedNeuronFit.MlpInputs> inputs = new HashMap<>(); // one pass per layer, whatever the concepts
        for (int k = 0; k < concepts.size(); k++) {
            PlantedNeuronFit.MlpInputs in = inputs.computeIfAbsent(layers.get(k),
                    l -> PlantedNeuronFit.MlpInputs.of(model, l, windows));
            PlantedNeuronFit fit = PlantedNeuronFit.fit(in, concepts.get(k));
            fits.add(fit);
            added.add(new AddedMlpNeurons.Neuron(layers.get(k), fit.weights(), fit.bias()));
        }
        int first = AddedMlpNeurons.write(model.dir(), dir, added);
        List<PlantedNeuron> out = new ArrayList<>();
        for (int k = 0; k < concepts.size(); k++) {
            out.add(new PlantedNeuron(new NeuronId(layers.get(k), first + k), concepts.get(k), fits.get(k)));
        }
        AtomicFiles.writeString(dir.resolve(MANIFEST), manifest(out));
        return out;
    }

    private String manifest(List<PlantedNeuron> planted) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("planted_into", RepoPaths.label(model.dir()));
        root.put("planted_into_weights_sha256", model.weightsSha256());
        root.put("corpus", corpusLabel);
        root.put("scale", PlantedNeuronFit.SCALE);
        ArrayNode list = root.putArray("neurons");
        for (PlantedNeuron p : planted) {
            ObjectNode n = list.addObject();
            n.put("layer", p.id().layer());
            n.put("neuron", p.id().neuron());
            n.put("concept", p.concept().cliName());
            n.put("ground_truth", p.groundTruth());
            n.put("ground_truth_with_members", p.concept().explanation());
            n.put("tokens", p.fit().tokens());
            n.put("concept_tokens", p.fit().conceptTokens());
            n.put("recall", p.fit().recall());
            n.put("false_positive_rate", p.fit().falsePositiveRate());
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /**
     * The largest difference in next-token log-probability between two models over excerpts given as
     * token ids: the parity check of a planted copy against its original (0 up to float rounding).
     */
    public static double maxLogProbDifference(LanguageModel original, LanguageModel copy, List<long[]> excerpts) {
        double max = 0;
        for (long[] ids : excerpts) {
            float[][] a = original.nextTokenLogProbs(ids);
            float[][] b = copy.nextTokenLogProbs(ids);
            for (int i = 0; i < a.length; i++) {
                for (int v = 0; v < a[i].length; v++) {
                    max = Math.max(max, Math.abs(a[i][v] - b[i][v]));
                }
            }
        }
        return max;
    }
}
