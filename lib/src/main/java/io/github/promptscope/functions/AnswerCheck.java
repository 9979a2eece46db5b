package io.github.promptscope.functions;

import java.util.Optional;

/**
 * How one evaluation item judges a model's reply (spec A7, {@code compute_metrics}). Implementations
 * are the exact-string target, the preimage set of an inversion, the letter set of a "choose all that
 * apply" question and the lambda parser of freeform definitions.
 */
public interface AnswerCheck {

    /** Whether {@code output} (the model's reply, as it came) is correct. */
    boolean correct(String output);

    /**
     * The single string whose probability is measured by teacher forcing ({@code prob}); empty when the
     * target is a list or a set, where the spec's {@code prob} equals {@code correct}.
     */
    Optional<String> exactTarget();

    /** {@code |target - output|} when both read as numbers, else NaN ({@code abs_distance}). */
    default double absDistance(String output) {
        return Double.NaN;
    }
}
