package io.github.promptscope.ptuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every parameter's hand-written gradient against central finite differences, in double precision,
 * through a loss with a known gradient: L = sum(w * y) + 0.5 * sum(y^2), so dL/dy = w + y.
 */
class EncoderGradientTest {

    private static final int WIDTH = 6;
    private static final int SLOTS = 5;
    private static final double STEP = 1e-5;
    private static final double MAX_RELATIVE_ERROR = 1e-4;

    @Test
    void originalEncoder() {
        check(new OriginalEncoder(SLOTS, WIDTH, new Random(1)));
    }

    @Test
    void newDesignOneLinearWithResidual() {
        check(new NewDesignEncoder(ids(), anchors(), 1, true, false, new Random(2)));
    }

    @Test
    void newDesignTwoLinearWithoutResidual() {
        check(new NewDesignEncoder(ids(), anchors(), 2, false, false, new Random(3)));
    }

    @Test
    void newDesignTwoLinearWithResidual() {
        check(new NewDesignEncoder(ids(), anchors(), 2, true, false, new Random(4)));
    }

    private static void check(PromptEncoder enc) {
        double[][] w = randomRows(new Random(99));
        enc.zeroGrad();
        double[][] y = enc.forward();
        double[][] dy = new double[y.length][WIDTH];
        for (int s = 0; s < y.length; s++) {
            for (int j = 0; j < WIDTH; j++) {
                dy[s][j] = w[s][j] + y[s][j];
            }
        }
        enc.backward(dy);
        int checked = 0;
        double worst = 0;
        for (Param p : enc.parameters()) {
            for (int k = 0; k < p.size(); k++) {
                double keep = p.value[k];
                p.value[k] = keep + STEP;
                double up = loss(enc.forward(), w);
                p.value[k] = keep - STEP;
                double down = loss(enc.forward(), w);
                p.value[k] = keep;
                double numeric = (up - down) / (2 * STEP);
                double analytic = p.grad[k];
                double scale = Math.max(Math.abs(numeric) + Math.abs(analytic), 1e-7);
                double rel = Math.abs(numeric - analytic) / scale;
                worst = Math.max(worst, rel);
                assertTrue(rel < MAX_RELATIVE_ERROR, p.name() + "[" + k + "]: analytic " + analytic + " numeric " + numeric);
                checked++;
            }
        }
        assertEquals(enc.size(), checked);
        assertTrue(worst < MAX_RELATIVE_ERROR, "worst relative error " + worst);
    }

    private static double loss(double[][] y, double[][] w) {
        double l = 0;
        for (int s = 0; s < y.length; s++) {
            for (int j = 0; j < WIDTH; j++) {
                l += w[s][j] * y[s][j] + 0.5 * y[s][j] * y[s][j];
            }
        }
        return l;
    }

    private static long[] ids() {
        return new long[] {7, 3, 11, 2, 5};
    }

    private static float[][] anchors() {
        double[][] d = randomRows(new Random(5));
        float[][] f = new float[SLOTS][WIDTH];
        for (int s = 0; s < SLOTS; s++) {
            for (int j = 0; j < WIDTH; j++) {
                f[s][j] = (float) d[s][j];
            }
        }
        return f;
    }

    private static double[][] randomRows(Random rng) {
        double[][] r = new double[SLOTS][WIDTH];
        for (double[] row : r) {
            for (int j = 0; j < WIDTH; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return r;
    }
}
