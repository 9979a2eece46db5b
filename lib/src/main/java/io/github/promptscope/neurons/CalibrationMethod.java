package io.github.promptscope.neurons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The reference's three calibrations (spec neurons.md 3.2), by the names {@code --calibration} takes. */
public enum CalibrationMethod {
    /** Uncalibrated: what OpenAI's demos and Lee et al. score. */
    NONE,
    /** Least squares of true on simulated values; leaves a positive correlation unchanged. */
    LINEAR,
    /** Sorted simulated values onto sorted true values. */
    PERCENTILE_MATCHING;

    /** {@code percentile-matching}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CalibrationMethod parse(String name, String flag) {
        for (CalibrationMethod m : values()) {
            if (m.cliName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException(flag + " " + name + ": expected one of none|linear|percentile-matching");
    }

    /**
     * Fits on excerpts and their simulations, flattened in order (the reference's
     * {@code calibrate_from_simulations}).
     */
    public Calibration fit(List<ActivationRecord> records, List<Simulation> simulations) {
        if (records.size() != simulations.size()) {
            throw new IllegalArgumentException(records.size() + " excerpts but " + simulations.size() + " simulations");
        }
        List<Double> truth = new ArrayList<>();
        List<Double> simulated = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ActivationRecord r = records.get(i);
            double[] ev = simulations.get(i).expectedValues();
            if (ev.length != r.size()) {
                throw new IllegalArgumentException("simulation " + i + " has " + ev.length + " values for " + r.size() + " tokens");
            }
            for (int t = 0; t < r.size(); t++) {
                truth.add(r.activation(t));
                simulated.add(ev[t]);
            }
        }
        double[] t = truth.stream().mapToDouble(Double::doubleValue).toArray();
        double[] s = simulated.stream().mapToDouble(Double::doubleValue).toArray();
        return switch (this) {
            case NONE -> Calibration.none();
            case LINEAR -> Calibration.linear(t, s);
            case PERCENTILE_MATCHING -> Calibration.percentileMatching(t, s);
        };
    }
}
