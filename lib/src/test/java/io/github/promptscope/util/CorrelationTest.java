package io.github.promptscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    private final double[] x = {0.0, 1.5, 3.0, 2.0, 8.0, -1.0};
    private final double[] y = {0.1, 1.0, 2.5, 3.5, 7.0, 0.0};

    @Test
    void matchesScipy() {
        // scipy 1.17.1: scipy.stats.pearsonr(x, y)[0] and 1 - scipy.spatial.distance.cosine(x, y)
        assertEquals(0.95883939780384453, Correlation.pearson(x, y), 1e-12);
        assertEquals(0.97103077020979478, Correlation.cosine(x, y), 1e-12);
    }

    @Test
    void invariancesAndDegenerateCases() {
        double[] scaled = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            scaled[i] = 10 * y[i] - 3; // the neuron simulator's 0-10 scale: correlation must not change
        }
        assertEquals(Correlation.pearson(x, y), Correlation.pearson(x, scaled), 1e-12);
        assertTrue(Double.isNaN(Correlation.pearson(x, new double[] {2, 2, 2, 2, 2, 2})));
        assertTrue(Double.isNaN(Correlation.cosine(x, new double[6])));
        assertEquals(-1.0, Correlation.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        assertTrue(Double.isNaN(Correlation.pearson(new double[] {4}, new double[] {2})), "one point has no correlation");
    }

    @Test
    void pearsonKeepsNumpysOrderOfOperations() {
        // numpy 2.4.6: numpy.corrcoef([1, 2, 3, 4], [1, 3, 2, 4])[0, 1] == 0.7999999999999999, bit for bit;
        // the textbook sxy / sqrt(sxx * syy) rounds to 0.8
        assertEquals(0.7999999999999999, Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}), 0.0);
    }
}
