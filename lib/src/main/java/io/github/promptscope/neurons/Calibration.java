package io.github.promptscope.neurons;

import java.util.ArrayList;
import java.util.List;

/**
 * A map from a simulator's 0-10 expected values to the neuron's own activation scale, fitted on the
 * calibration split (spec neurons.md 3.2, 4; OpenAI's {@code calibrated_simulator.py}). Correlation
 * scoring does not need it; r-squared and absolute deviation explained compare simulated with raw
 * activations and mean something only after it. Made by {@link CalibrationMethod#fit}.
 */
public interface Calibration {

    /** One simulated value on the neuron's scale. */
    double apply(double simulated);

    /** The simulation with its expected values mapped; tokens and distributions as they were (as the reference keeps them). */
    default Simulation apply(Simulation s) {
        double[] ev = s.expectedValues();
        double[] out = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            out[i] = apply(ev[i]);
        }
        return new Simulation(s.tokens(), out, s.probabilities());
    }

    default List<Simulation> apply(List<Simulation> simulations) {
        List<Simulation> out = new ArrayList<>();
        simulations.forEach(s -> out.add(apply(s)));
        return out;
    }

    /** The reference's {@code UncalibratedNeuronSimulator}: values pass through. */
    static Calibration none() {
        return v -> v;
    }

    /**
     * Least squares of the true activations on the simulated ones (scikit-learn's
     * {@code LinearRegression} on one feature): slope cov/var, intercept through the means. A constant
     * simulation (variance 0) gets slope 0 and the mean activation, as scikit-learn's minimum-norm
     * solution does.
     */
    static Linear linear(double[] truth, double[] simulated) {
        check(truth, simulated);
        double mx = mean(simulated);
        double my = mean(truth);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < truth.length; i++) {
            sxy += (simulated[i] - mx) * (truth[i] - my);
            sxx += (simulated[i] - mx) * (simulated[i] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new Linear(slope, my - slope * mx);
    }

    /**
     * The n-th percentile of the simulated values to the n-th percentile of the true ones, for all n:
     * {@code numpy.interp(v, sort(simulated), sort(truth))}, so values outside the calibration range
     * take the end values, and a value equal to a run of tied simulated values takes the true value at
     * the run's last position (numpy's search).
     */
    static PercentileMatching percentileMatching(double[] truth, double[] simulated) {
        check(truth, simulated);
        double[] xs = simulated.clone();
        double[] ys = truth.clone();
        java.util.Arrays.sort(xs);
        java.util.Arrays.sort(ys);
        return new PercentileMatching(xs, ys);
    }

    /** {@code intercept + slope * v}. */
    record Linear(double slope, double intercept) implements Calibration {
        @Override
        public double apply(double simulated) {
            return intercept + slope * simulated;
        }
    }

    /** Piecewise-linear interpolation through the sorted pairs (xs[i], ys[i]). */
    record PercentileMatching(double[] xs, double[] ys) implements Calibration {
        @Override
        public double apply(double v) {
            if (Double.isNaN(v)) {
                return v;
            }
            int n = xs.length;
            int j = lastAtMost(v);
            if (j < 0) {
                return ys[0];
            }
            if (j >= n - 1) {
                return ys[n - 1];
            }
            if (xs[j] == v) {
                return ys[j];
            }
            double slope = (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j]);
            return slope * (v - xs[j]) + ys[j];
        }

        /** The last index whose value is at most {@code v}; -1 when all are greater. */
        private int lastAtMost(double v) {
            int lo = 0;
            int hi = xs.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (v >= xs[mid]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo - 1;
        }
    }

    private static void check(double[] truth, double[] simulated) {
        if (truth.length != simulated.length) {
            throw new IllegalArgumentException("calibration needs as many true as simulated activations: " + truth.length
                    + " vs " + simulated.length);
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one activation");
        }
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
