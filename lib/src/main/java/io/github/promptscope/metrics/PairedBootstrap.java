package io.github.promptscope.metrics;

import java.util.SplittableRandom;

/**
 * Paired bootstrap resampling (Koehn 2004), as P-tuning's {@code eval_utils.py} runs it
 * (functions-ptuning spec B3): each of {@code samples} rounds draws floor(ratio * n) example ids
 * with replacement, compares the two systems' means on those ids and counts a win, a loss or a tie;
 * p = 1 - the winner's win fraction. Defaults are the repo's: 1000 samples, ratio 0.3. The original
 * has no seed; we take one so a reported p-value can be reproduced.
 *
 * <pre>{@code
 * BootstrapResult r = PairedBootstrap.samples(1000).sampleRatio(0.3).seed(7).compare(sys1, sys2);
 * }</pre>
 */
public final class PairedBootstrap {

    private final int samples;
    private final double sampleRatio;
    private final long seed;

    private PairedBootstrap(int samples, double sampleRatio, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        if (!(sampleRatio > 0)) {
            throw new IllegalArgumentException("sampleRatio must be > 0, got " + sampleRatio);
        }
        this.samples = samples;
        this.sampleRatio = sampleRatio;
        this.seed = seed;
    }

    /** The repo's defaults: 1000 samples, ratio 0.3, seed 0. */
    public static PairedBootstrap defaults() {
        return new PairedBootstrap(1000, 0.3, 0);
    }

    public static PairedBootstrap samples(int samples) {
        return new PairedBootstrap(samples, 0.3, 0);
    }

    public PairedBootstrap sampleRatio(double ratio) {
        return new PairedBootstrap(samples, ratio, seed);
    }

    public PairedBootstrap seed(long seed) {
        return new PairedBootstrap(samples, sampleRatio, seed);
    }

    /** Compares per-example scores of two systems on the same examples, in the same order. */
    public BootstrapResult compare(double[] sys1, double[] sys2) {
        if (sys1.length != sys2.length) {
            throw new IllegalArgumentException("paired scores differ in length: " + sys1.length + " vs " + sys2.length);
        }
        int n = sys1.length;
        int k = (int) (n * sampleRatio);
        if (k < 1) {
            throw new IllegalArgumentException("floor(" + sampleRatio + " * " + n + ") = 0 ids per resample; "
                    + "need more examples or a larger ratio");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int w1 = 0;
        int w2 = 0;
        int ties = 0;
        for (int s = 0; s < samples; s++) {
            double sum1 = 0;
            double sum2 = 0;
            for (int j = 0; j < k; j++) {
                int id = rng.nextInt(n);
                sum1 += sys1[id];
                sum2 += sys2[id];
            }
            // Same k divides both sums, so comparing sums compares means without rounding noise.
            if (sum1 > sum2) {
                w1++;
            } else if (sum1 < sum2) {
                w2++;
            } else {
                ties++;
            }
        }
        double f1 = w1 / (double) samples;
        double f2 = w2 / (double) samples;
        int winner = f1 > f2 ? 1 : f2 > f1 ? 2 : 0;
        double p = winner == 0 ? 1.0 : 1 - Math.max(f1, f2);
        return new BootstrapResult(mean(sys1), mean(sys2), f1, f2, ties / (double) samples, winner, p, samples, k);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
