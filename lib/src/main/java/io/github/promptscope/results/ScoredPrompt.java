package io.github.promptscope.results;

import java.util.Objects;

/**
 * One prompt of a run's ranked output.
 *
 * @param prompt the decoded prompt, leading space kept
 * @param score  the ranking score (e.g. training accuracy)
 * @param loss   the mean loss if the method has one, else NaN
 */
public record ScoredPrompt(String prompt, double score, double loss) {
    public ScoredPrompt {
        Objects.requireNonNull(prompt, "prompt");
    }

    public static ScoredPrompt of(String prompt, double score) {
        return new ScoredPrompt(prompt, score, Double.NaN);
    }
}
