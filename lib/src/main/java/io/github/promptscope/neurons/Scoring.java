package io.github.promptscope.neurons;

import java.util.ArrayList;
import java.util.List;

/**
 * Simulate-and-score (spec neurons.md 4, OpenAI's scoring.py): the true raw activations and the
 * simulated expected values of all scored excerpts are concatenated, then compared once (not a
 * mean of per-excerpt scores). Correlation is the headline score; it is NaN when either side is
 * constant (report as null).
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
        return new Score(correlation(t, p), rSquared(t, p), absoluteDevExplained(t, p));
    }

    /**
     * Pearson's r as {@code numpy.corrcoef(x, y)[0, 1]} computes it: covariances over n - 1, divided
     * by each standard deviation in turn, clipped to [-1, 1]; NaN when either vector is constant.
     */
    public static double correlation(double[] x, double[] y) {
        check(x, y);
        if (x.length < 2) {
            return Double.NaN;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        int dof = x.length - 1;
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        double r = sxy / dof / Math.sqrt(sxx / dof) / Math.sqrt(syy / dof);
        return Math.max(-1, Math.min(1, r));
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

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
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
