package io.github.promptscope.neurons;

import io.github.promptscope.backend.TextModel;
import io.github.promptscope.util.Correlation;

import java.util.ArrayList;
import java.util.List;

/**
 * The explain-and-compare loop over neuron puzzles (spec neurons.md 5.2; Lee et al.'s puzzles
 * notebook): each puzzle's sentences are shown whole to the explainer (the reference explains all of
 * a puzzle's records, cutoff 1), and its first explanation is compared with the answer: exact match,
 * keyword recall and, with an embedder, the embeddings' cosine (Lee et al. used ada-002 there; this is
 * the spec 7.4 substitute, comparable between explainers, not with their numbers) and whether the
 * explanation lies closer to the answer than to every false explanation.
 */
public final class PuzzleLoop {

    private final NeuronExplainer explainer;
    private final TextModel embedder;

    /** @param embedder the model whose {@code embed} compares explanations; null: lexical comparison only */
    public PuzzleLoop(NeuronExplainer explainer, TextModel embedder) {
        this.explainer = explainer;
        this.embedder = embedder;
    }

    public PuzzleReport run(List<NeuronPuzzle> puzzles) {
        List<PuzzleResult> out = new ArrayList<>();
        for (NeuronPuzzle p : puzzles) {
            List<String> explanations;
            int promptTokens = -1;
            if (explainer instanceof LmExplainer lm) {
                ExplainerRun run = lm.run(p.records(), HighlightCutoff.PUZZLES);
                explanations = run.explanations();
                promptTokens = run.promptTokens();
            } else {
                explanations = explainer.explain(p.records(), HighlightCutoff.PUZZLES);
            }
            String first = explanations.isEmpty() ? "" : explanations.get(0);
            double similarity = Double.NaN;
            Boolean closer = null;
            if (embedder != null && !first.isBlank()) {
                List<String> texts = new ArrayList<>(List.of(first, p.explanation()));
                texts.addAll(p.falseExplanations());
                List<float[]> v = embedder.embed(texts);
                similarity = Correlation.cosine(v.get(0), v.get(1));
                double bestFalse = Double.NEGATIVE_INFINITY;
                for (int i = 2; i < v.size(); i++) {
                    bestFalse = Math.max(bestFalse, Correlation.cosine(v.get(0), v.get(i)));
                }
                closer = similarity > bestFalse;
            }
            out.add(new PuzzleResult(p.name(), p.explanation(), explanations, ExplanationMatch.exact(first, p.explanation()),
                    ExplanationMatch.keywordRecall(first, p.explanation()), similarity, closer, promptTokens));
        }
        return new PuzzleReport(out);
    }
}
