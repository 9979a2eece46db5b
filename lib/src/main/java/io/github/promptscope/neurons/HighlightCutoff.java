package io.github.promptscope.neurons;

import java.util.Arrays;

/**
 * The raw activation above which Lee et al.'s Summary, Highlight and HighlightSummary prompts mark a
 * token (spec neurons.md 2.2). Their code takes {@code quantile_boundaries[2]} of OpenAI's record;
 * records collected here carry no quantile boundaries, so for those the cutoff is the 0.99 quantile
 * of the record's random excerpts (numpy's default linear interpolation): the value only one token
 * in a hundred of ordinary text exceeds, which is what "highly activating" means there.
 */
public final class HighlightCutoff {

    /** The quantile of the random sample used when the record has no quantile boundaries. */
    public static final double RANDOM_QUANTILE = 0.99;

    /** Puzzles mark tokens above 1 (Lee et al.'s puzzles notebook). */
    public static final double PUZZLES = 1.0;

    private HighlightCutoff() {}

    public static double of(NeuronRecord record) {
        if (record.quantileBoundaries() != null && record.quantileBoundaries().size() > 2) {
            return record.quantileBoundaries().get(2);
        }
        double[] all = record.randomSample().stream().flatMapToDouble(r -> Arrays.stream(r.activations()))
                .sorted().toArray();
        if (all.length == 0) {
            throw new IllegalArgumentException(record.id() + " has neither quantile boundaries nor random excerpts"
                    + " to take a highlight cutoff from");
        }
        return quantile(all, RANDOM_QUANTILE);
    }

    /** numpy.quantile(sorted, q) with linear interpolation. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
