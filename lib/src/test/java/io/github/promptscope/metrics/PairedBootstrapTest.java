package io.github.promptscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    private static double[] scores(int... runs) {
        // runs: value, count, value, count, ...
        int n = 0;
        for (int i = 1; i < runs.length; i += 2) {
            n += runs[i];
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < runs.length; i += 2) {
            for (int j = 0; j < runs[i + 1]; j++) {
                out[k++] = runs[i];
            }
        }
        return out;
    }

    @Test
    void winFractionsAgreeWithTheReferenceScript() {
        // sys1 mean 0.40, sys2 mean 0.30 over 100 paired examples (30 sys1-only, 20 sys2-only, 10 both).
        double[] sys1 = scores(1, 30, 0, 20, 1, 10, 0, 40);
        double[] sys2 = scores(0, 30, 1, 20, 1, 10, 0, 40);
        // P-tuning eval_utils.py logic (random.choices, k = int(0.3 n)), python 3, random.seed(0),
        // 200,000 samples: wins [0.74337, 0.18046, 0.07617]. Monte Carlo error at 20,000 samples ~0.003.
        BootstrapResult r = PairedBootstrap.samples(20_000).sampleRatio(0.3).seed(1).compare(sys1, sys2);
        assertEquals(0.40, r.mean1(), 1e-12);
        assertEquals(0.30, r.mean2(), 1e-12);
        assertEquals(30, r.sampleSize());
        assertEquals(0.74337, r.wins1(), 0.015);
        assertEquals(0.18046, r.wins2(), 0.015);
        assertEquals(0.07617, r.ties(), 0.015);
        assertEquals(1, r.winner());
        assertEquals(1 - r.wins1(), r.pValue(), 1e-12);
        assertEquals(1.0, r.wins1() + r.wins2() + r.ties(), 1e-12);
    }

    @Test
    void deterministicCasesAndSeeds() {
        double[] better = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        double[] worse = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        BootstrapResult r = PairedBootstrap.defaults().compare(worse, better);
        assertEquals(2, r.winner());
        assertEquals(1.0, r.wins2());
        assertEquals(0.0, r.pValue());
        assertEquals(3, r.sampleSize());
        BootstrapResult same = PairedBootstrap.defaults().compare(better, better);
        assertEquals(1.0, same.ties());
        assertEquals(0, same.winner());
        double[] a = {0.2, 0.9, 0.4, 0.5, 0.1, 0.8};
        double[] b = {0.3, 0.7, 0.4, 0.6, 0.2, 0.6};
        assertEquals(PairedBootstrap.samples(500).seed(9).compare(a, b), PairedBootstrap.samples(500).seed(9).compare(a, b));
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.defaults().compare(new double[] {1, 2}, new double[] {1, 2}));
    }
}
