package io.github.promptscope.metrics;

import java.util.Collection;

/** Aggregates over runs (tasks x seeds) of the 0-based rank of the first correct prompt. */
public final class RankStats {

    private RankStats() {
    }

    /** Mean reciprocal rank, the paper's {@code mrr}. */
    public static double mrr(Collection<Long> ranks) {
        requireNonEmpty(ranks);
        return ranks.stream().mapToDouble(Recovery::reciprocalRank).average().orElseThrow();
    }

    /** Fraction of runs whose first correct prompt is within the top k (rank < k). */
    public static double topK(Collection<Long> ranks, int k) {
        requireNonEmpty(ranks);
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        return ranks.stream().filter(r -> r < k).count() / (double) ranks.size();
    }

    /** The paper's "correctness": fraction of runs whose top prompt passes (RR = 1). */
    public static double correctness(Collection<Long> ranks) {
        return topK(ranks, 1);
    }

    private static void requireNonEmpty(Collection<Long> ranks) {
        if (ranks.isEmpty()) {
            throw new IllegalArgumentException("no ranks to aggregate");
        }
    }
}
