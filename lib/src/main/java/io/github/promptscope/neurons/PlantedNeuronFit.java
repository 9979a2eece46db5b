package io.github.promptscope.neurons;

import io.github.promptscope.lm.ActivationCache;
import io.github.promptscope.lm.HookName;
import io.github.promptscope.lm.Hooks;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.CheckpointWeights;
import io.github.promptscope.util.Interrupts;

import java.util.ArrayList;
import java.util.List;

/**
 * The input weights of a planted neuron (spec neurons.md 7.5): a direction in the input of block
 * {@code layer}'s MLP, {@code ln_2(blocks.L.hook_resid_mid)}, fitted by class-balanced ridge least
 * squares to separate the concept's tokens (target 1) from all others (target 0) over a corpus.
 * The neuron's pre-activation is {@link #SCALE} * (fit - 1/2): about +4 on the concept, -4 elsewhere,
 * where GELU is 0 to within 1e-4.
 *
 * @param weights input weights over the MLP input (n_embd values)
 * @param bias the neuron's bias
 * @param tokens tokens of the corpus the fit saw
 * @param conceptTokens how many of them belong to the concept
 * @param recall share of the concept's tokens with a positive pre-activation (the neuron fires)
 * @param falsePositiveRate share of the other tokens with a positive pre-activation
 */
public record PlantedNeuronFit(float[] weights, float bias, int tokens, int conceptTokens, double recall,
        double falsePositiveRate) {

    /** Pre-activation per unit of the fitted score; the spec's s of 4-8. */
    public static final double SCALE = 8;

    /** Ridge penalty relative to the mean diagonal of the weighted Gram matrix: only keeps the solve well posed. */
    static final double RIDGE = 1e-6;

    public PlantedNeuronFit {
        weights = weights.clone();
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    /**
     * The MLP input of block {@code layer} at every token of the excerpts {@code windows} (token ids,
     * as {@link ActivationCollector#windows} cuts them), with the tokens' strings: what fits read.
     */
    public record MlpInputs(int layer, List<double[]> rows, List<String> tokens) {

        public static MlpInputs of(LanguageModel model, int layer, List<long[]> windows) {
            int d = model.config().hiddenSize();
            String ln = "h." + layer + ".ln_2.";
            CheckpointWeights checkpoint = new CheckpointWeights(model.dir());
            float[] gamma = checkpoint.floats(ln + "weight", d);
            float[] beta = checkpoint.floats(ln + "bias", d);
            double eps = model.config().normEps();
            List<double[]> rows = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            HookName mid = Hooks.residMid(layer);
            int batch = 16;
            for (int from = 0; from < windows.size(); from += batch) {
                Interrupts.check();
                ActivationCache cache = model.runIdsWithCache(windows.subList(from, Math.min(windows.size(), from + batch)), mid);
                for (int w = 0; w < cache.size(); w++) {
                    float[][] x = cache.get(mid, w); // [pos][d_model]
                    for (float[] row : x) {
                        rows.add(layerNorm(row, gamma, beta, eps));
                    }
                    tokens.addAll(cache.tokenStrings(w));
                }
            }
            return new MlpInputs(layer, rows, tokens);
        }
    }

    /** Fits the direction of a neuron that fires on {@code concept} over {@code inputs}. */
    public static PlantedNeuronFit fit(MlpInputs inputs, Concept concept) {
        List<double[]> rows = inputs.rows();
        List<Boolean> labels = inputs.tokens().stream().map(concept::matches).toList();
        int positives = (int) labels.stream().filter(b -> b).count();
        if (positives == 0 || positives == labels.size()) {
            throw new IllegalArgumentException("the corpus has " + positives + " of " + labels.size() + " tokens in "
                    + concept.cliName() + "; a planted neuron needs tokens both in and out of the concept to fit");
        }
        int d = rows.get(0).length;
        double[] solution = solve(rows, labels, positives);
        float[] w = new float[d];
        for (int i = 0; i < d; i++) {
            w[i] = (float) (SCALE * solution[i]);
        }
        float b = (float) (SCALE * (solution[d] - 0.5));
        int hits = 0;
        int falseHits = 0;
        for (int k = 0; k < rows.size(); k++) {
            double pre = b;
            for (int i = 0; i < d; i++) {
                pre += w[i] * rows.get(k)[i];
            }
            if (pre > 0) {
                if (labels.get(k)) {
                    hits++;
                } else {
                    falseHits++;
                }
            }
        }
        return new PlantedNeuronFit(w, b, labels.size(), positives, (double) hits / positives,
                (double) falseHits / (labels.size() - positives));
    }

    /** GPT-2's LayerNorm (population variance, eps inside the root), as {@code ln_2} applies it. */
    static double[] layerNorm(float[] x, float[] gamma, float[] beta, double eps) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (float v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        double inv = 1 / Math.sqrt(var + eps);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - mean) * inv * gamma[i] + beta[i];
        }
        return y;
    }

    /**
     * Weighted ridge least squares with an intercept: each class weighs half, so a rare concept is
     * not fitted away. Returns d weights then the intercept.
     */
    static double[] solve(List<double[]> inputs, List<Boolean> labels, int positives) {
        int d = inputs.get(0).length;
        int n = inputs.size();
        double wPos = n / (2.0 * positives);
        double wNeg = n / (2.0 * (n - positives));
        double[][] a = new double[d + 1][d + 1];
        double[] rhs = new double[d + 1];
        double[] z = new double[d + 1];
        for (int k = 0; k < n; k++) {
            System.arraycopy(inputs.get(k), 0, z, 0, d);
            z[d] = 1;
            boolean pos = labels.get(k);
            double weight = pos ? wPos : wNeg;
            for (int i = 0; i <= d; i++) {
                double wi = weight * z[i];
                if (pos) {
                    rhs[i] += wi;
                }
                double[] row = a[i];
                for (int j = i; j <= d; j++) {
                    row[j] += wi * z[j];
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += a[i][i];
        }
        for (int i = 0; i < d; i++) {
            a[i][i] += RIDGE * trace / d;
        }
        for (int i = 0; i <= d; i++) {
            for (int j = 0; j < i; j++) {
                a[i][j] = a[j][i];
            }
        }
        return choleskySolve(a, rhs);
    }

    /** Solves a x = b for a symmetric positive definite a. */
    static double[] choleskySolve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (s <= 0) {
                        throw new IllegalStateException("the planted neuron's least-squares system is singular");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
