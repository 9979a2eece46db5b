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
        int keep = config.topK() > 0 ? Math.min(config.topK(), n) : n;
        int[] order = bestFirst(scaled, keep);
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

    /**
     * The indices of the {@code keep} largest values, largest first, ties in index order: the head of
     * a stable descending sort of every index. Top-k (50 of a 4,424-token vocabulary in iPrompt)
     * only needs the head, so it is kept in a small sorted array instead of sorting the vocabulary:
     * sorting boxed indices was a quarter of a search's Java samples (JFR).
     */
    static int[] bestFirst(double[] values, int keep) {
        int n = values.length;
        if (keep >= n / 8) {
            Integer[] all = new Integer[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            Arrays.sort(all, (a, b) -> Double.compare(values[b], values[a])); // stable: ties stay in index order
            int[] out = new int[keep];
            for (int r = 0; r < keep; r++) {
                out[r] = all[r];
            }
            return out;
        }
        int[] head = new int[keep];
        int size = 0;
        for (int i = 0; i < n; i++) {
            // a later index enters only when strictly larger than the last kept (an equal one sorts after it)
            if (size == keep && Double.compare(values[i], values[head[keep - 1]]) <= 0) {
                continue;
            }
            int at = size == keep ? keep - 1 : size++;
            while (at > 0 && Double.compare(values[i], values[head[at - 1]]) > 0) {
                head[at] = head[at - 1];
                at--;
            }
            head[at] = i;
        }
        return head;
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
