package io.github.promptscope.neurons;

/**
 * A neuron written into a copy of a model to fire on a known concept (spec neurons.md 7.5): where
 * it is, what it fires on, and how well the fit separates the concept. Made by {@link PlantedNeurons}.
 */
public record PlantedNeuron(NeuronId id, Concept concept, PlantedNeuronFit fit) {

    /** The short ground truth ("colour words"). */
    public String groundTruth() {
        return concept.description();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %s (fires on %.1f%% of its %d tokens in the corpus, %.2f%% of the %d others)",
                id, concept.cliName(), 100 * fit.recall(), fit.conceptTokens(), 100 * fit.falsePositiveRate(),
                fit.tokens() - fit.conceptTokens());
    }
}
