package io.github.promptscope.lm;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next token from a row of logits: argmax when greedy, else a draw after temperature,
 * top-k and top-p filtering (the order {@code transformers} applies them in).
 */
final class TokenSampler {

    private final GenerationConfig config;
    private final Random random;

    TokenSampler(GenerationConfig config, Random random) {
        this.config = config;
        this.random = random;
    }

    int next(float[] logits) {
        if (config.greedy()) {
            return argmax(logits);
        }
        int n = logits.length;
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = logits[i] / config.temperature();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scaled[b], scaled[a]));
        int keep = config.topK() > 0 ? Math.min(config.topK(), n) : n;
        double max = scaled[order[0]];
        double[] probs = new double[keep];
        double total = 0;
        for (int r = 0; r < keep; r++) {
            probs[r] = Math.exp(scaled[order[r]] - max);
            total += probs[r];
        }
        if (config.topP() < 1.0) {
            double cumulative = 0;
            int cut = keep;
            for (int r = 0; r < keep; r++) {
                cumulative += probs[r] / total;
                if (cumulative >= config.topP()) {
                    cut = r + 1;
                    break;
                }
            }
            keep = cut;
            total = 0;
            for (int r = 0; r < keep; r++) {
                total += probs[r];
            }
        }
        double u = random.nextDouble() * total;
        for (int r = 0; r < keep; r++) {
            u -= probs[r];
            if (u <= 0) {
                return order[r];
            }
        }
        return order[keep - 1];
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
