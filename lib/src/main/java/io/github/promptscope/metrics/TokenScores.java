package io.github.promptscope.metrics;

import java.util.List;

/**
 * Teacher-forced accuracy of multi-token outputs.
 *
 * @param tokenAccuracy fraction of target tokens predicted right (averaged per batch, then over batches)
 * @param exactMatch    fraction of examples with every target token right (same averaging)
 * @param perExample    1/0 exact match per example, for paired bootstrap
 */
public record TokenScores(double tokenAccuracy, double exactMatch, List<Integer> perExample) {
    public TokenScores {
        perExample = List.copyOf(perExample);
    }
}
