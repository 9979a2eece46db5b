package io.github.promptscope.neurons;

import io.github.promptscope.lm.LanguageModel;

import java.util.List;

/**
 * Stand-ins for Lee et al.'s AdaCS (spec neurons.md 5.1, 7.4): the cosine similarity of an
 * explanation to a reference explanation under some embedding. AdaCS embeds with OpenAI's
 * text-embedding-ada-002, which cannot run offline; these embed locally, so their values are not
 * comparable with published AdaCS numbers (ada-002 cosines sit between 0.79 and 0.93) and only
 * rankings between prompt types or explainers carry over.
 */
public interface AdaCsSubstitute {

    /** Cosine similarity of {@code explanation} to {@code reference} under this embedding (NaN if either embeds to 0). */
    double similarity(String explanation, String reference);

    /** What the embedding is, for tables and records ("tfidf_cosine", "mean_hidden_state_cosine"). */
    String name();

    /** Spec 7.4 (b): TF-IDF over lower-cased word unigrams with IDF from {@code documents}; deterministic, model-free. */
    static AdaCsSubstitute tfIdfCosine(List<String> documents) {
        return new AdaCsTfIdf(documents);
    }

    /** Spec 7.4 (a): the mean over tokens of the model's last hidden state (after the final norm). */
    static AdaCsSubstitute meanHiddenStateCosine(LanguageModel model) {
        return new AdaCsMeanHiddenState(model);
    }
}
