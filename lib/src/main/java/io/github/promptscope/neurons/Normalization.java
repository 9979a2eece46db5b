package io.github.promptscope.neurons;

import java.util.List;

/**
 * Raw activations to the integers 0-10 the prompts show (spec neurons.md 1.3, OpenAI's
 * activation_records.py): negatives count as the resting state (ReLU), values are scaled by the
 * block's maximum and floored, so only the maximal tokens get 10 and anything under a tenth of
 * the maximum shows as 0. Same double arithmetic as the Python, so the integers agree exactly.
 */
public final class Normalization {

    public static final int MAX_NORMALIZED = 10;

    private Normalization() {}

    /** The largest ReLU'd activation over the records (0 when none is positive). */
    public static double maxActivation(List<ActivationRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no activation records to take a maximum over");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (ActivationRecord r : records) {
            double recordMax = Double.NEGATIVE_INFINITY;
            for (double a : r.activations()) {
                recordMax = Math.max(recordMax, relu(a));
            }
            max = Math.max(max, recordMax);
        }
        return max;
    }

    /** {@code min(10, floor(10 * relu(a) / max))} per token; all 0 when {@code max <= 0}. */
    public static int[] normalize(double[] activations, double max) {
        int[] out = new int[activations.length];
        if (max <= 0) {
            return out;
        }
        for (int i = 0; i < activations.length; i++) {
            out[i] = (int) Math.min(MAX_NORMALIZED, Math.floor(10 * relu(activations[i]) / max));
        }
        return out;
    }

    /** The share of tokens whose normalized value is not 0, over all tokens of the records. */
    public static double nonZeroProportion(List<ActivationRecord> records, double max) {
        int total = 0;
        int nonZero = 0;
        for (ActivationRecord r : records) {
            total += r.size();
            for (int v : normalize(r.activations(), max)) {
                if (v != 0) {
                    nonZero++;
                }
            }
        }
        return (double) nonZero / total;
    }

    static double relu(double x) {
        return Math.max(0.0, x);
    }
}
