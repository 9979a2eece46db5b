package io.github.promptscope.data.tuning;

import java.util.Random;

/**
 * One synthetic stand-in task of spec B6: how to draw an example, the human prompt of 3 + 3 tokens
 * (under the P-tuning base model's tokenizer), and the text the base model is trained on so the
 * task's words, and the prompt words, mean something to it.
 */
interface ToyTask {

    String name();

    /** The human prompt's part before the query (p = 3 tokens). */
    String promptBefore();

    /** Its part between query and answer (q = 3 tokens). */
    String promptBetween();

    default boolean scoredByRouge() {
        return false;
    }

    default boolean japanese() {
        return false;
    }

    TuningExample example(Random rng);

    /**
     * A base-model training document in the task's language: its examples in layouts that use the
     * prompt words ({@code question:}, {@code answer:}, {@code topic:}, {@code summary:},
     * {@code relation:}) in their meaning, never the human prompt verbatim, so the untuned human
     * prompt is close to, not identical with, something the model has seen.
     */
    String corpusDocument(Random rng);
}
