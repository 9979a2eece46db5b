package io.github.promptscope.neurons;

import io.github.promptscope.util.Correlation;

import java.util.ArrayList;
import java.util.List;

/**
 * Simulate-and-score (spec neurons.md 4, OpenAI's scoring.py): the true raw activations and the
 * simulated expected values of all scored excerpts are concatenated, then compared once (not a
 * mean of per-excerpt scores). Correlation ({@link Correlation#pearson}, numpy.corrcoef's arithmetic) is
 * the headline score; it is NaN when either side is constant (report as null).
 */
public final class Scoring {

    private Scoring() {}

    /** Correlation, r-squared and absolute deviation explained of one set of excerpts. */
    public record Score(double correlation, double rSquared, double absoluteDevExplained) {}

    /** Scores simulations of {@code records} (same order, same tokens) as OpenAI aggregates them. */
    public static Score score(List<ActivationRecord> records, List<Simulation> simulations) {
        if (records.size() != simulations.size()) {
            throw new IllegalArgumentException(records.size() + " excerpts but " + simulations.size() + " simulations");
        }
        List<Double> truth = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ActivationRecord r = records.get(i);
            Simulation s = simulations.get(i);
            if (!r.tokens().equals(s.tokens())) {
                throw new IllegalArgumentException("simulation " + i + " is of other tokens than excerpt " + i);
            }
            for (int t = 0; t < r.size(); t++) {
                truth.add(r.activation(t));
                predicted.add(s.expectedValues()[t]);
            }
        }
        double[] t = truth.stream().mapToDouble(Double::doubleValue).toArray();
        double[] p = predicted.stream().mapToDouble(Double::doubleValue).toArray();
        return new Score(Correlation.pearson(t, p), rSquared(t, p), absoluteDevExplained(t, p));
    }

    /** {@code 1 - mean((t - p)^2) / mean(t^2)}: scoring.py's r-squared (meaningful after calibration only). */
    public static double rSquared(double[] truth, double[] predicted) {
        check(truth, predicted);
        double err = 0;
        double norm = 0;
        for (int i = 0; i < truth.length; i++) {
            err += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
            norm += truth[i] * truth[i];
        }
        return 1 - (err / truth.length) / (norm / truth.length);
    }

    /** {@code 1 - mean|t - p| / mean|t|}. */
    public static double absoluteDevExplained(double[] truth, double[] predicted) {
        check(truth, predicted);
        double err = 0;
        double norm = 0;
        for (int i = 0; i < truth.length; i++) {
            err += Math.abs(truth[i] - predicted[i]);
            norm += Math.abs(truth[i]);
        }
        return 1 - (err / truth.length) / (norm / truth.length);
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("vectors differ in length: " + x.length + " vs " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("no activations to score");
        }
    }
}
