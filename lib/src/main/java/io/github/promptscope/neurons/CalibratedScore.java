package io.github.promptscope.neurons;

import java.util.List;

/**
 * An explanation's scores after calibration (spec neurons.md 4): the calibration is fitted on the
 * calibration split ({@code perSplit} top then random excerpts, simulated here) and applied to the
 * valid split's simulations, which are then scored. Correlation is the uncalibrated one for LINEAR
 * with a positive slope (a negative slope flips its sign); r-squared and absolute deviation explained
 * are the numbers calibration exists for.
 */
public record CalibratedScore(CalibrationMethod method, Calibration calibration, Scoring.Score valid) {

    /**
     * @param validSimulations the valid split's simulations in {@link NeuronRecord#valid} order
     *     ({@link NeuronScores#simulations()}), so the valid split is not simulated twice
     */
    public static CalibratedScore of(NeuronRecord record, String explanation, NeuronSimulator simulator, int perSplit,
            CalibrationMethod method, List<Simulation> validSimulations) {
        List<ActivationRecord> calibration = record.calibration(perSplit);
        Calibration fitted = method == CalibrationMethod.NONE ? Calibration.none()
                : method.fit(calibration, simulator.simulate(explanation,
                        calibration.stream().map(ActivationRecord::tokens).toList()));
        return new CalibratedScore(method, fitted, Scoring.score(record.valid(perSplit), fitted.apply(validSimulations)));
    }
}
