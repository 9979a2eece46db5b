package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * This machine's float32 matrix-multiply rate through DJL's PyTorch, the yardstick the scoring
 * loop's rate is stated against: a benchmark on a shared machine only means something as a fraction
 * of the peak measured in the same run.
 */
public final class MatmulProbe {

    /** One shape's rate: {@code [m, k] x [k, n]}, best of the timed repeats. */
    public record Rate(int m, int k, int n, int repeats, double bestSeconds, double gflops) {}

    /** The shapes the scoring loop multiplies (GPT-2 small's projections over 20,000 tokens) and a square one. */
    public static final int[][] SHAPES = {{20000, 256, 768}, {20000, 768, 3072}, {1024, 2048, 2048}};

    private MatmulProbe() {}

    /** Times {@code [m,k] x [k,n]} {@code repeats} times after one warm-up and keeps the fastest. */
    public static Rate measure(int m, int k, int n, int repeats) {
        if (m < 1 || k < 1 || n < 1 || repeats < 1) {
            throw new IllegalArgumentException("matmul shape and repeats must be positive; got " + m + "x" + k + "x" + n
                    + ", " + repeats + " repeats");
        }
        try (NDManager mgr = Engines.pytorch().newBaseManager()) {
            NDArray a = mgr.randomNormal(new Shape(m, k));
            NDArray b = mgr.randomNormal(new Shape(k, n));
            a.matMul(b).close(); // warm-up: first-call allocation and thread-pool start
            double best = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0); // forces the result (PyTorch is eager; this keeps that explicit)
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                c.close();
            }
            return new Rate(m, k, n, repeats, best, 2.0 * m * k * n / best / 1e9);
        }
    }
}
