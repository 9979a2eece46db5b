package io.github.promptscope.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One prompt of a run's ranked output.
 *
 * @param prompt the decoded prompt, leading space kept
 * @param score  the ranking score (e.g. training accuracy)
 * @param loss   the mean loss if the method has one, else NaN
 * @param evaluations how many batches a search scored it on (the reference's {@code n_queries}); null when
 *               not known, and then left out of the JSON
 */
public record ScoredPrompt(String prompt, double score, double loss,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer evaluations) {
    public ScoredPrompt {
        Objects.requireNonNull(prompt, "prompt");
    }

    public ScoredPrompt(String prompt, double score, double loss) {
        this(prompt, score, loss, null);
    }

    public static ScoredPrompt of(String prompt, double score) {
        return new ScoredPrompt(prompt, score, Double.NaN);
    }
}
