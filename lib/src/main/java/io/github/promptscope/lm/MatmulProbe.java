package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.ModelConfig;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

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

    /**
     * GPT-2 small-sized projections over 20,000 tokens, a square multiply, and the multiplies of one pass of
     * {@code bench rerank} on a GPT-2 small-shaped model ({@link #scoringShapes}: 8 prompts x 16 add_two
     * examples of up to 17 tokens through the attention projections, 341-position blocks through the
     * MLP, the 312 target-predicting positions through the 50,257-token head).
     */
    public static final int[][] SHAPES = {{20000, 256, 768}, {20000, 768, 3072}, {1024, 2048, 2048},
        {2176, 768, 2304}, {2176, 768, 768}, {341, 768, 3072}, {341, 3072, 768}, {312, 768, 50257}};

    private MatmulProbe() {}

    /**
     * The multiplies of one full scoring pass of {@code lm} over these examples ({@link LanguageModel#scoreUnderPrompts}),
     * {m, k, n} each: the rows are the pass's token positions (prompts per pass x examples x the longest
     * context and target, padding included, as the pass multiplies them) through the query-key-value
     * and attention output projections, and blocks of them through the MLP's; the LM head's rows are the positions that predict a target.
     * The best rate among them is the peak a scoring rate is a fraction of.
     */
    public static int[][] scoringShapes(LanguageModel lm, List<long[]> contexts, List<long[]> targets) {
        int prompts = SharedPromptScorer.promptsPerPass(contexts.size());
        int longest = 0;
        int read = 0;
        for (int i = 0; i < contexts.size(); i++) {
            longest = Math.max(longest, contexts.get(i).length + targets.get(i).length);
            read += targets.get(i).length;
        }
        ModelConfig c = lm.config();
        int rows = prompts * contexts.size() * longest;
        int mlpRows = Math.min(rows, Decoder.mlpBlockPositions(c)); // the MLP goes in blocks of positions
        int d = c.hiddenSize();
        int q = c.numHeads() * c.headDim();
        int kv = c.numKvHeads() * c.headDim();
        return new int[][] {{rows, d, q + 2 * kv}, {rows, q, d}, {mlpRows, d, c.intermediateSize()},
            {mlpRows, c.intermediateSize(), d}, {prompts * read, d, c.vocabSize()}};
    }

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
