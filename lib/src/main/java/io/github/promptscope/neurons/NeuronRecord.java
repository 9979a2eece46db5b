package io.github.promptscope.neurons;

import java.util.ArrayList;
import java.util.List;

/**
 * What was collected for one neuron (spec neurons.md 1.1, OpenAI's {@code NeuronRecord}): the
 * excerpts with the highest maximum activation, most active first, and an independent random
 * sample of excerpts. The quantile fields and moments are optional (null / NaN when not computed);
 * they are carried so records from OpenAI's public data load and save unchanged.
 *
 * <p>Splits (spec 1.2) are interleaved slices: top excerpts go round-robin to train, calibration,
 * valid, test; random ones to calibration, valid, test. Explanations use train (top only); scoring
 * uses valid (top and random).
 */
public record NeuronRecord(NeuronId id, List<ActivationRecord> randomSample,
        List<List<ActivationRecord>> randomSampleByQuantile, List<Double> quantileBoundaries,
        double mean, double variance, double skewness, double kurtosis, List<ActivationRecord> mostPositive) {

    /** Examples per split in every OpenAI demo and in Lee et al. */
    public static final int EXAMPLES_PER_SPLIT = 5;

    private static final List<String> TOP_SPLITS = List.of("train", "calibration", "valid", "test");
    private static final List<String> RANDOM_SPLITS = List.of("calibration", "valid", "test");

    public NeuronRecord {
        randomSample = List.copyOf(randomSample);
        mostPositive = List.copyOf(mostPositive);
        randomSampleByQuantile = randomSampleByQuantile == null ? null
                : randomSampleByQuantile.stream().map(List::copyOf).toList();
        quantileBoundaries = quantileBoundaries == null ? null : List.copyOf(quantileBoundaries);
    }

    /** A record with only top and random excerpts (moments unknown, no quantiles). */
    public static NeuronRecord of(NeuronId id, List<ActivationRecord> mostPositive, List<ActivationRecord> randomSample) {
        return new NeuronRecord(id, randomSample, null, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                mostPositive);
    }

    /** The largest activation over the top excerpts (OpenAI's {@code max_activation}). */
    public double maxActivation() {
        if (mostPositive.isEmpty()) {
            throw new IllegalStateException(id + " has no top-activating excerpts");
        }
        return mostPositive.stream().mapToDouble(ActivationRecord::max).max().getAsDouble();
    }

    /** Top excerpts for explaining: top[0], top[4], top[8], ... ({@code n} of them). */
    public List<ActivationRecord> train(int n) {
        return topSplit("train", n);
    }

    /** Calibration: n top then n random excerpts. */
    public List<ActivationRecord> calibration(int n) {
        return concat(topSplit("calibration", n), randomSplit("calibration", n));
    }

    /** Scoring's top-and-random set: n top then n random excerpts. */
    public List<ActivationRecord> valid(int n) {
        return concat(validTop(n), validRandom(n));
    }

    /** The top half of {@link #valid}: top[2], top[6], ... (top-only scoring). */
    public List<ActivationRecord> validTop(int n) {
        return topSplit("valid", n);
    }

    /** The random half of {@link #valid}: random[1], random[4], ... (random-only scoring). */
    public List<ActivationRecord> validRandom(int n) {
        return randomSplit("valid", n);
    }

    public List<ActivationRecord> test(int n) {
        return concat(topSplit("test", n), randomSplit("test", n));
    }

    private List<ActivationRecord> topSplit(String split, int n) {
        return slice(mostPositive, TOP_SPLITS, split, n, "top-activating");
    }

    private List<ActivationRecord> randomSplit(String split, int n) {
        return slice(randomSample, RANDOM_SPLITS, split, n, "random");
    }

    private List<ActivationRecord> slice(List<ActivationRecord> all, List<String> splits, String split, int n,
            String kind) {
        int stride = splits.size();
        if (n < 1) {
            throw new IllegalArgumentException("examples per split must be >= 1, got " + n);
        }
        if (all.size() < n * stride) {
            throw new IllegalArgumentException(id + " has " + all.size() + " " + kind + " excerpts; " + n
                    + " per split over " + splits + " needs " + n * stride);
        }
        List<ActivationRecord> out = new ArrayList<>();
        for (int i = splits.indexOf(split); i < n * stride; i += stride) {
            out.add(all.get(i));
        }
        return out;
    }

    private static List<ActivationRecord> concat(List<ActivationRecord> a, List<ActivationRecord> b) {
        List<ActivationRecord> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
