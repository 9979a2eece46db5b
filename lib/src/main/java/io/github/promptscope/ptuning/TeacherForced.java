package io.github.promptscope.ptuning;

import java.util.List;

/**
 * One teacher-forced pass over a split (spec B3): per example the target ids (answer + EOS) and the
 * argmax id at each target position, plus the loss as the reference reports it.
 *
 * @param gold target ids per example
 * @param predicted argmax ids per example, one per target
 * @param loss mean cross-entropy per batch (token-weighted within the batch), then the mean over batches
 * @param batchSize examples per batch; the per-batch means of the metrics depend on it
 */
public record TeacherForced(List<long[]> gold, List<long[]> predicted, double loss, int batchSize) {

    public TeacherForced {
        gold = List.copyOf(gold);
        predicted = List.copyOf(predicted);
    }
}
