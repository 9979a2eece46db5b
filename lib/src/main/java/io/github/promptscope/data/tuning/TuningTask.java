package io.github.promptscope.data.tuning;

import java.util.List;

/**
 * A P-tuning task with its splits and its human-written prompt (spec B4, B6).
 *
 * @param name task name, e.g. {@code toy-nli}
 * @param train rows the prompt encoder trains on
 * @param dev rows for the per-epoch early-stopping evaluation
 * @param test rows reported at the best dev epoch
 * @param promptBefore the natural-language prompt's part before the query (p tokens under the model's
 *     tokenizer for the new design's initialisation; e.g. {@code "question:"})
 * @param promptBetween its part between query and answer (q tokens)
 * @param scoredByRouge true for summary tasks (ROUGE-1/2/L F1 in place of exact match)
 * @param japanese true when answers are Japanese text (ROUGE over Kuromoji tokens)
 */
public record TuningTask(String name, List<TuningExample> train, List<TuningExample> dev, List<TuningExample> test,
        String promptBefore, String promptBetween, boolean scoredByRouge, boolean japanese) {

    public TuningTask {
        train = List.copyOf(train);
        dev = List.copyOf(dev);
        test = List.copyOf(test);
    }
}
