package io.github.promptscope.neurons;

import java.util.List;

/**
 * A simulator's prediction for one excerpt (OpenAI's SequenceSimulation): per token, the
 * probability of each value 0..10 and their expected value, on the 0-10 scale.
 *
 * @param probabilities [token][11], each row summing to 1
 */
public record Simulation(List<String> tokens, double[] expectedValues, double[][] probabilities) {

    public Simulation {
        tokens = List.copyOf(tokens);
        if (expectedValues.length != tokens.size() || probabilities.length != tokens.size()) {
            throw new IllegalArgumentException("simulation of " + tokens.size() + " tokens has " + expectedValues.length
                    + " expected values and " + probabilities.length + " distributions");
        }
    }

    /** The expected value of a distribution over 0..10: sum of v * p(v) over the renormalized p. */
    public static double expectedValue(double[] probabilities) {
        double total = 0;
        double ev = 0;
        for (int v = 0; v < probabilities.length; v++) {
            total += probabilities[v];
            ev += v * probabilities[v];
        }
        return ev / total;
    }
}
