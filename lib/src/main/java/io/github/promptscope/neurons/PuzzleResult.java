package io.github.promptscope.neurons;

import java.util.List;

/**
 * One puzzle explained and compared with its answer.
 *
 * @param explanations what the explainer said, best first; the first is the one compared
 * @param keywordRecall {@link ExplanationMatch#keywordRecall} of the first explanation
 * @param similarity cosine of the embeddings of the first explanation and the answer (NaN: no embedder,
 *     or an empty explanation)
 * @param closerToTruth whether the first explanation's embedding is closer to the answer than to every
 *     false explanation (null: no embedder)
 * @param promptTokens the explainer's prompt tokens (-1: not an LM explainer)
 */
public record PuzzleResult(String puzzle, String truth, List<String> explanations, boolean exact, double keywordRecall,
        double similarity, Boolean closerToTruth, int promptTokens) {

    public PuzzleResult {
        explanations = List.copyOf(explanations);
    }

    public String first() {
        return explanations.isEmpty() ? "" : explanations.get(0);
    }
}
