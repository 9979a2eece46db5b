package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.util.Correlation;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference's calibrations (calibrated_simulator.py) against numpy's answers, and calibrated scoring. */
class CalibrationTest {

    @Test
    void linearIsTheLeastSquaresLineOfTrueOnSimulated() {
        // numpy.linalg.lstsq([[x, 1]], y) gives slope 1.4, intercept 0.2 for these
        Calibration.Linear c = Calibration.linear(new double[] {1, 1, 2, 5, 6}, new double[] {0, 1, 2, 3, 4});
        assertEquals(1.4, c.slope(), 1e-12);
        assertEquals(0.2, c.intercept(), 1e-12);
        assertEquals(0.2 + 1.4 * 10, c.apply(10), 1e-12);
    }

    @Test
    void aConstantSimulationCalibratesToTheMeanActivation() {
        Calibration.Linear c = Calibration.linear(new double[] {0, 2, 4}, new double[] {3, 3, 3});
        assertEquals(0, c.slope(), 0.0);
        assertEquals(2, c.apply(7), 1e-12);
    }

    @Test
    void percentileMatchingIsNumpyInterpOverSortedValues() {
        // numpy.interp([0, 1.5, -1, 3, 2, 0.5, 1], sort([1, 0, 2, 0]), sort([4, 0.5, 0, 1]))
        Calibration c = Calibration.percentileMatching(new double[] {4, 0.5, 0, 1}, new double[] {1, 0, 2, 0});
        double[] in = {0, 1.5, -1, 3, 2, 0.5, 1};
        double[] numpy = {0.5, 2.5, 0.0, 4.0, 4.0, 0.75, 1.0};
        for (int i = 0; i < in.length; i++) {
            assertEquals(numpy[i], c.apply(in[i]), 1e-12, "interp(" + in[i] + ")");
        }
    }

    @Test
    void fitFlattensExcerptsInOrderAndNoneLeavesValues() {
        List<ActivationRecord> records = List.of(record(1, 1), record(2, 5, 6));
        List<Simulation> sims = List.of(sim(records.get(0), 0, 1), sim(records.get(1), 2, 3, 4));
        Calibration.Linear c = (Calibration.Linear) CalibrationMethod.LINEAR.fit(records, sims);
        assertEquals(1.4, c.slope(), 1e-12);
        Simulation none = CalibrationMethod.NONE.fit(records, sims).apply(sims.get(1));
        assertArrayEquals(new double[] {2, 3, 4}, none.expectedValues(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> CalibrationMethod.LINEAR.fit(records, sims.subList(0, 1)));
        assertEquals(CalibrationMethod.PERCENTILE_MATCHING, CalibrationMethod.parse("percentile-matching", "--calibration"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalibrationMethod.parse("isotonic", "--calibration"));
        assertTrue(e.getMessage().startsWith("--calibration isotonic"), e.getMessage());
    }

    @Test
    void linearCalibrationMakesRSquaredMeaningfulAndKeepsCorrelation() {
        // a neuron firing 3.0 on "x"; a simulator that says 10 on "x" and 1 elsewhere: right shape, wrong scale
        NeuronRecord record = neuron();
        NeuronSimulator scaled = (explanation, excerpts) -> excerpts.stream()
                .map(tokens -> new Simulation(tokens, tokens.stream().mapToDouble(t -> t.equals("x") ? 10 : 1).toArray(),
                        new double[tokens.size()][11]))
                .toList();
        NeuronScores raw = NeuronScores.of(record, "x", scaled, 5);
        CalibratedScore calibrated = CalibratedScore.of(record, "x", scaled, 5, CalibrationMethod.LINEAR, raw.simulations());
        assertEquals(1.0, raw.topAndRandom().correlation(), 1e-12);
        assertTrue(raw.topAndRandom().rSquared() < 0, "uncalibrated 0-10 values against 3.0 activations: " + raw.topAndRandom());
        assertEquals(1.0, calibrated.valid().correlation(), 1e-12);
        assertEquals(1.0, calibrated.valid().rSquared(), 1e-12);
        assertEquals(1.0, calibrated.valid().absoluteDevExplained(), 1e-12);
        assertEquals(3.0 / 9, ((Calibration.Linear) calibrated.calibration()).slope(), 1e-12);
        CalibratedScore none = CalibratedScore.of(record, "x", scaled, 5, CalibrationMethod.NONE, raw.simulations());
        assertEquals(raw.topAndRandom(), none.valid());
    }

    /** 20 top excerpts with an "x" (activation 3) and 15 random ones, a few with an "x". */
    private static NeuronRecord neuron() {
        List<ActivationRecord> top = new ArrayList<>();
        List<ActivationRecord> random = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            top.add(new ActivationRecord(List.of("a", "x", "b" + i), new double[] {0, 3, 0}));
        }
        for (int i = 0; i < 15; i++) {
            boolean hit = i % 4 == 1;
            random.add(new ActivationRecord(List.of(hit ? "x" : "c", "d" + i), new double[] {hit ? 3 : 0, 0}));
        }
        return NeuronRecord.of(new NeuronId(0, 0), top, random);
    }

    private static ActivationRecord record(double... a) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            tokens.add("t" + i);
        }
        return new ActivationRecord(tokens, a);
    }

    private static Simulation sim(ActivationRecord r, double... ev) {
        return new Simulation(r.tokens(), ev, new double[ev.length][11]);
    }
}
