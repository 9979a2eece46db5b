package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * This machine's matrix-multiply rate through DJL's PyTorch, float32 or bfloat16 (through
 * {@link Bf16Matmul}, as the model multiplies), the yardstick the scoring loop's rate is stated
 * against: a benchmark on a shared machine only means something as a fraction of the peak measured
 * in the same run. Each rate carries the product's error against a float64 reference row, so a
 * fast wrong multiply cannot pass for a fast one.
 */
public final class MatmulProbe {

    /**
     * One shape's rate: {@code [m, k] x [k, n]}, best of the timed repeats.
     *
     * @param relativeError max |product - reference| / max |reference| over the first output row
     */
    public record Rate(int m, int k, int n, Dtype dtype, int repeats, double bestSeconds, double gflops,
            double relativeError) {

        /** The rate of one multiply of this shape taking {@code bestSeconds}: 2mkn flops. */
        static Rate of(int m, int k, int n, Dtype dtype, int repeats, double bestSeconds, double relativeError) {
            return new Rate(m, k, n, dtype, repeats, bestSeconds, 2.0 * m * k * n / bestSeconds / 1e9, relativeError);
        }
    }

    /** The shapes the scoring loop multiplies (GPT-2 small's projections over 20,000 tokens) and a square one. */
    public static final int[][] SHAPES = {{20000, 256, 768}, {20000, 768, 3072}, {1024, 2048, 2048}};

    private MatmulProbe() {}

    /** {@link #measure(int, int, int, int, Dtype)} in float32. */
    public static Rate measure(int m, int k, int n, int repeats) {
        return measure(m, k, n, repeats, Dtype.FLOAT32);
    }

    /**
     * Times {@code [m,k] x [k,n]} {@code repeats} times after one warm-up and keeps the fastest.
     * {@code dtype} is float32 or bfloat16 (an error if the bfloat16 module does not load).
     */
    public static Rate measure(int m, int k, int n, int repeats, Dtype dtype) {
        if (m < 1 || k < 1 || n < 1 || repeats < 1) {
            throw new IllegalArgumentException("matmul shape and repeats must be positive; got " + m + "x" + k + "x" + n
                    + ", " + repeats + " repeats");
        }
        if (dtype == Dtype.AUTO) {
            throw new IllegalArgumentException("the probe measures float32 or bfloat16, not auto");
        }
        try (NDManager mgr = Engines.pytorch().newBaseManager();
                Bf16Matmul bf16 = dtype == Dtype.BFLOAT16 ? Bf16Matmul.load(mgr) : null) {
            NDArray a = mgr.randomNormal(new Shape(m, k));
            NDArray b = mgr.randomNormal(new Shape(k, n));
            if (bf16 != null) {
                try (NDArray torchLayout = b.transpose()) {
                    bf16.keep("probe", torchLayout);
                }
            }
            NDArray first = multiply(a, b, bf16); // warm-up: first-call allocation and thread-pool start
            double error = relativeError(a, b, first);
            first.close();
            double best = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                NDArray c = multiply(a, b, bf16);
                c.getFloat(0, 0); // forces the result (PyTorch is eager; this keeps that explicit)
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                c.close();
            }
            return Rate.of(m, k, n, dtype, repeats, best, error);
        } catch (IOException e) {
            throw new UncheckedIOException("--dtype bfloat16: " + e.getMessage(), e);
        }
    }

    private static NDArray multiply(NDArray a, NDArray b, Bf16Matmul bf16) {
        return bf16 == null ? a.matMul(b) : bf16.linear(a, b, "probe");
    }

    /** The product's first row against the same row computed in float64 from the float32 operands. */
    private static double relativeError(NDArray a, NDArray b, NDArray product) {
        int k = (int) a.getShape().get(1);
        int n = (int) b.getShape().get(1);
        float[] row;
        float[] bs;
        float[] cs;
        try (NDArray a0 = a.get(0); NDArray c0 = product.get(0)) {
            row = a0.toFloatArray();
            cs = c0.toFloatArray();
        }
        bs = b.toFloatArray();
        double maxDiff = 0;
        double maxRef = 0;
        for (int j = 0; j < n; j++) {
            double ref = 0;
            for (int i = 0; i < k; i++) {
                ref += (double) row[i] * bs[i * n + j];
            }
            maxDiff = Math.max(maxDiff, Math.abs(cs[j] - ref));
            maxRef = Math.max(maxRef, Math.abs(ref));
        }
        return maxRef == 0 ? maxDiff : maxDiff / maxRef;
    }
}
