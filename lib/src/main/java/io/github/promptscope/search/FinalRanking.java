package io.github.promptscope.search;

import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.util.Interrupts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The end of a search, shared by iPrompt and AutoPrompt as in the reference ({@code
 * AutoPrompt.serialize}, spec 1.9). Without final reranking: every prompt of the pool by mean
 * training accuracy, ties by mean loss. With it: the pool's {@value #RERANKED} best by the
 * criterion among prompts evaluated more than {@value #MIN_EVALUATIONS} times (or, when none
 * qualifies, up to {@value #RERANKED} drawn from the whole pool) are rescored on the first
 * {@value #EVAL_ROWS} rows the search was built with (training rows, the reference's
 * {@code dset[:256]}), batch by batch, and ranked by accuracy, ties by loss.
 */
final class FinalRanking {

    static final int RERANKED = 64;
    static final int MIN_EVALUATIONS = 3;
    static final int EVAL_ROWS = 256;

    /** How prompts are scored on a batch of rows ({@link CandidateScorer#score}). */
    @FunctionalInterface
    interface Scorer {
        List<CandidateScorer.Score> score(List<long[]> prompts, List<DataRows.Row> batch);
    }

    /** The ranked prompts and the (prompt, batch) evaluations the reranking cost. */
    record Outcome(List<RankedPrompt> ranked, long candidatesScored) {}

    private FinalRanking() {}

    /**
     * @param rerank the config's {@code doFinalReranking}
     * @param generationOrder keep the pool's insertion order (Suffix), never rerank
     */
    static Outcome rank(PromptPool pool, boolean rerank, boolean generationOrder, List<DataRows.Row> rows,
            Scorer scorer, int batchSize, Random rng, TextTokenizer tok) {
        if (rerank && !generationOrder) {
            return rerank(pool, rows, scorer, batchSize, rng, tok);
        }
        List<RankedPrompt> ranked = new ArrayList<>();
        for (PromptPool.Entry e : pool.all()) {
            ranked.add(new RankedPrompt(tok.decode(e.ids), e.ids, e.meanLoss(), e.meanAccuracy(), e.evaluations()));
        }
        if (!generationOrder) {
            ranked.sort(RankedPrompt.BY_ACCURACY_THEN_LOSS); // stable: the spec's fix of the unstable pandas sort
        }
        return new Outcome(ranked, 0);
    }

    private static Outcome rerank(PromptPool pool, List<DataRows.Row> rows, Scorer scorer, int batchSize,
            Random rng, TextTokenizer tok) {
        List<PromptPool.Entry> best = pool.topkAll(RERANKED, MIN_EVALUATIONS);
        if (best.isEmpty()) {
            // the reference draws 64 with replacement; distinct prompts rank the same without repeats
            List<PromptPool.Entry> all = new ArrayList<>(pool.all());
            Collections.shuffle(all, rng);
            best = all.subList(0, Math.min(RERANKED, all.size()));
        }
        List<DataRows.Row> eval = rows.subList(0, Math.min(EVAL_ROWS, rows.size()));
        List<long[]> ids = best.stream().map(e -> e.ids).toList();
        double[] nll = new double[ids.size()];
        int[] correct = new int[ids.size()];
        long scored = 0;
        for (int from = 0; from < eval.size(); from += batchSize) {
            Interrupts.check();
            List<DataRows.Row> batch = eval.subList(from, Math.min(eval.size(), from + batchSize));
            List<CandidateScorer.Score> s = scorer.score(ids, batch);
            for (int i = 0; i < ids.size(); i++) {
                nll[i] += s.get(i).loss() * batch.size();
                correct[i] += s.get(i).correct();
            }
            scored += ids.size();
        }
        List<RankedPrompt> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            out.add(new RankedPrompt(tok.decode(ids.get(i)), ids.get(i), nll[i] / eval.size(),
                    (double) correct[i] / eval.size(), best.get(i).evaluations()));
        }
        out.sort(RankedPrompt.BY_ACCURACY_THEN_LOSS);
        return new Outcome(out, scored);
    }
}
