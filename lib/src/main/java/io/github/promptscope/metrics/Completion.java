package io.github.promptscope.metrics;

import io.github.promptscope.data.Example;

/**
 * The seam where a language model plugs into prompt accuracy: continue the text that a prompt and an
 * example's input make. The {@code lm} package supplies implementations (beam search, greedy, an
 * API); metrics never depends on it.
 */
@FunctionalInterface
public interface Completion {

    /** The model's continuation for {@code prompt} placed with {@code example}'s input. */
    String complete(String prompt, Example example);
}
