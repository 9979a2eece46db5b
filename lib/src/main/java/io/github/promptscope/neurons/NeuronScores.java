package io.github.promptscope.neurons;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An explanation's simulate-and-score result for one neuron (spec neurons.md 4) on the valid split:
 * top-only (its top excerpts), random-only (its random excerpts) and top-and-random (both, the
 * paper's headline), each scored over the concatenated activations.
 */
public record NeuronScores(NeuronId id, String explanation, Scoring.Score topOnly, Scoring.Score randomOnly,
        Scoring.Score topAndRandom, List<Simulation> simulations) {

    /** Simulates the valid split ({@code perSplit} top then {@code perSplit} random excerpts) once and scores it three ways. */
    public static NeuronScores of(NeuronRecord record, String explanation, NeuronSimulator simulator, int perSplit) {
        List<ActivationRecord> top = record.validTop(perSplit);
        List<ActivationRecord> random = record.validRandom(perSplit);
        List<ActivationRecord> all = new ArrayList<>(top);
        all.addAll(random);
        List<Simulation> sims = simulator.simulate(explanation, all.stream().map(ActivationRecord::tokens).toList());
        return new NeuronScores(record.id(), explanation, Scoring.score(top, sims.subList(0, top.size())),
                Scoring.score(random, sims.subList(top.size(), sims.size())), Scoring.score(all, sims), sims);
    }

    /** The three correlations (null where undefined) as JSON: what {@code neurons score} prints. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("layer", id.layer());
        o.put("neuron", id.neuron());
        o.put("explanation", explanation);
        put(o, "top_only", topOnly.correlation());
        put(o, "random_only", randomOnly.correlation());
        put(o, "top_and_random", topAndRandom.correlation());
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
