package io.github.promptscope.neurons;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One text excerpt and one neuron's raw activation on each of its tokens (spec neurons.md 1.1;
 * OpenAI's {@code ActivationRecord}). Tokens are the subject model's token strings as decoded,
 * leading spaces kept ({@code " yellow"}); activations are raw post-nonlinearity MLP values.
 */
public record ActivationRecord(List<String> tokens, double[] activations) {

    public ActivationRecord {
        tokens = List.copyOf(tokens);
        activations = activations.clone();
        if (tokens.size() != activations.length) {
            throw new IllegalArgumentException("activation record has " + tokens.size() + " tokens but "
                    + activations.length + " activations");
        }
    }

    @Override
    public double[] activations() {
        return activations.clone();
    }

    public int size() {
        return activations.length;
    }

    public double activation(int token) {
        return activations[token];
    }

    /** The largest raw activation in the excerpt (what top excerpts are ranked by). */
    public double max() {
        return Arrays.stream(activations).max().orElse(Double.NaN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationRecord r && tokens.equals(r.tokens) && Arrays.equals(activations, r.activations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokens, Arrays.hashCode(activations));
    }

    @Override
    public String toString() {
        return "ActivationRecord" + tokens + Arrays.toString(activations);
    }
}
