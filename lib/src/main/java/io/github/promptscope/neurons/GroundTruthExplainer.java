package io.github.promptscope.neurons;

import java.util.List;

/**
 * The given-ground-truth baseline (spec neurons.md 7.3): returns the explanation it was made with,
 * whatever the excerpts show. Scoring it gives the ceiling a simulator allows for a neuron whose
 * function is known (a planted neuron, a puzzle).
 */
public final class GroundTruthExplainer implements NeuronExplainer {

    private final String explanation;

    public GroundTruthExplainer(String explanation) {
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("a ground-truth explanation must not be empty");
        }
        this.explanation = explanation;
    }

    @Override
    public List<String> explain(List<ActivationRecord> excerpts, double cutoff) {
        return List.of(explanation);
    }
}
