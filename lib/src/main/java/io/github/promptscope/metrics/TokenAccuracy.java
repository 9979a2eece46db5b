package io.github.promptscope.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Average token accuracy and exact match of multi-token outputs, as the P-tuning repo computes them
 * (functions-ptuning spec B3): argmax vs label at every label position (EOS included if the caller
 * includes it); both metrics are means per batch, then the unweighted mean over batches. With one
 * batch holding everything, token accuracy is token-weighted over the whole set.
 */
public final class TokenAccuracy {

    private TokenAccuracy() {
    }

    /** Scores everything as one batch. */
    public static <T> TokenScores score(List<? extends List<T>> predicted, List<? extends List<T>> gold) {
        return score(predicted, gold, Math.max(1, gold.size()));
    }

    /**
     * @param predicted argmax tokens at the label positions, one list per example
     * @param gold      label tokens, same lengths as {@code predicted}
     * @param batchSize examples per batch, the last batch may be smaller
     */
    public static <T> TokenScores score(List<? extends List<T>> predicted, List<? extends List<T>> gold, int batchSize) {
        if (predicted.size() != gold.size()) {
            throw new IllegalArgumentException(predicted.size() + " predictions for " + gold.size() + " targets");
        }
        if (gold.isEmpty()) {
            throw new IllegalArgumentException("no examples to score");
        }
        List<Integer> exact = new ArrayList<>(gold.size());
        double tokenSum = 0;
        double exactSum = 0;
        int batches = 0;
        for (int start = 0; start < gold.size(); start += batchSize) {
            int end = Math.min(gold.size(), start + batchSize);
            long right = 0;
            long total = 0;
            int batchExact = 0;
            for (int i = start; i < end; i++) {
                List<T> p = predicted.get(i);
                List<T> g = gold.get(i);
                if (p.size() != g.size()) {
                    throw new IllegalArgumentException("example " + i + ": " + p.size() + " predicted tokens for "
                            + g.size() + " target tokens (teacher forcing predicts one per target)");
                }
                int ok = 0;
                for (int k = 0; k < g.size(); k++) {
                    if (Objects.equals(p.get(k), g.get(k))) {
                        ok++;
                    }
                }
                right += ok;
                total += g.size();
                int e = ok == g.size() ? 1 : 0;
                exact.add(e);
                batchExact += e;
            }
            tokenSum += total == 0 ? 1.0 : right / (double) total;
            exactSum += batchExact / (double) (end - start);
            batches++;
        }
        return new TokenScores(tokenSum / batches, exactSum / batches, exact);
    }
}
