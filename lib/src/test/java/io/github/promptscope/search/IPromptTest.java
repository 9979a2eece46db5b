package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.ContinuationScore;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IPromptTest {

    /** The step budget of {@link #small}'s searches (the step limit lives in the Budget). */
    private static final int STEPS = 2;

    private static IPromptConfig small(long seed) {
        return IPromptConfig.quick().toBuilder().numLearnedTokens(3).batchSize(4).popSize(4)
                .numRandomGenerations(2).numMutations(1).seed(seed).doFinalReranking(false).build();
    }

    @Test
    void sameSeedSameRankedPrompts() {
        LanguageModel lm = SearchTestModels.tiny();
        List<Example> xs = SearchTestModels.addTwo();
        SearchResult a = new IPrompt(small(5)).search(lm, SearchTestModels.inputs(xs), SearchTestModels.outputs(xs), Budget.steps(STEPS));
        SearchResult b = new IPrompt(small(5)).search(lm, SearchTestModels.inputs(xs), SearchTestModels.outputs(xs), Budget.steps(STEPS));
        assertEquals(a.prompts(), b.prompts());
        for (int i = 0; i < a.ranked().size(); i++) {
            assertEquals(a.ranked().get(i).meanLoss(), b.ranked().get(i).meanLoss(), 0.0);
        }
        SearchResult c = new IPrompt(small(6)).search(lm, SearchTestModels.inputs(xs), SearchTestModels.outputs(xs), Budget.steps(STEPS));
        assertNotEquals(a.prompts(), c.prompts(), "another seed explores other prompts");
    }

    @Test
    void stepsScoreTheDocumentedNumberOfCandidatesAndRankByAccuracyThenLoss() {
        LanguageModel lm = SearchTestModels.tiny();
        List<Example> xs = SearchTestModels.addTwo();
        IPromptConfig cfg = small(1);
        SearchResult r = new IPrompt(cfg).search(lm, SearchTestModels.inputs(xs), SearchTestModels.outputs(xs), Budget.steps(STEPS));
        assertEquals(2, r.steps());
        assertEquals("steps", r.stopReason());
        // population + random + (population + random) * mutations, every step
        assertEquals(2L * cfg.candidatesPerStep(), r.candidatesScored());
        assertEquals(r.candidatesScored(), r.trace().size());
        for (RankedPrompt p : r.ranked()) {
            assertEquals(3, p.ids().length, "every prompt has exactly N tokens");
        }
        for (int i = 1; i < r.ranked().size(); i++) {
            RankedPrompt prev = r.ranked().get(i - 1);
            RankedPrompt cur = r.ranked().get(i);
            assertTrue(prev.meanAccuracy() > cur.meanAccuracy()
                    || (prev.meanAccuracy() == cur.meanAccuracy() && prev.meanLoss() <= cur.meanLoss()));
        }
        assertTrue(r.tokensScored() > 0);
    }

    /**
     * Final reranking claims (IPrompt, spec 1.7): the pool's best rescored on the first 256 training
     * rows, batch by batch (loss: the batches' token-weighted losses weighted by their rows;
     * accuracy: correct rows over rows), then ordered by accuracy, ties by loss. 300 two-shot rows
     * are built, so "the first 256" is a real cut; every reranked prompt is rescored here
     * independently, row by row through {@link LanguageModel#scoreTokens}, on exactly those rows.
     */
    @Test
    void finalRerankingRescoresTheBestOnTheFirst256TrainingRows() {
        LanguageModel lm = SearchTestModels.defaultModel();
        List<Example> xs = SearchTestModels.addTwo();
        IPromptConfig cfg = IPromptConfig.quick().toBuilder().numLearnedTokens(3).nShots(2).maxNDatapoints(300)
                .batchSize(64).popSize(1).numRandomGenerations(1).numMutations(0).seed(3)
                .doFinalReranking(true).build();
        List<String> inputs = SearchTestModels.inputs(xs);
        List<String> outputs = SearchTestModels.outputs(xs);
        SearchResult r = new IPrompt(cfg).search(lm, inputs, outputs, Budget.steps(1));
        // the rows the search iterates over: built first, from the run's seeded generator
        List<DataRows.Row> rows = DataRows.build(inputs, outputs, 2, cfg.singleShotLoss(), 300,
                new java.util.Random(cfg.seed())).rows();
        assertEquals(300, rows.size());
        List<DataRows.Row> first256 = rows.subList(0, 256);
        int n = r.ranked().size();
        assertTrue(n >= 2 && n <= 64, "reranked " + n);
        // 1 step of 2 candidates, then each reranked prompt on 256 / 64 = 4 batches (300 rows would be 5)
        assertEquals(cfg.candidatesPerStep() + 4L * n, r.candidatesScored());
        for (RankedPrompt p : r.ranked()) {
            double[] onClaimed = rescore(lm, p.ids(), first256, cfg.batchSize());
            assertEquals(onClaimed[0], p.meanLoss(), 1e-5, p.text());
            assertEquals(onClaimed[1], p.meanAccuracy(), 1e-5, p.text());
        }
        for (int i = 1; i < n; i++) {
            RankedPrompt prev = r.ranked().get(i - 1);
            RankedPrompt cur = r.ranked().get(i);
            assertTrue(prev.meanAccuracy() > cur.meanAccuracy()
                    || (prev.meanAccuracy() == cur.meanAccuracy() && prev.meanLoss() <= cur.meanLoss()),
                    "rank " + i + ": " + prev + " before " + cur);
        }
    }

    /** {mean loss, accuracy} of a prompt on rows, laid out {@code [prompt][". " + x][y]}, in batches of {@code batch} rows. */
    private static double[] rescore(LanguageModel lm, long[] prompt, List<DataRows.Row> rows, int batch) {
        TextTokenizer tok = lm.tokenizer();
        List<long[]> prefixes = new ArrayList<>();
        List<long[]> targets = new ArrayList<>();
        for (DataRows.Row row : rows) {
            prefixes.add(TokenIds.concat(prompt, tok.encode(". " + row.input())));
            targets.add(tok.encode(row.output()));
        }
        List<ContinuationScore> s;
        try {
            s = lm.scoreBatchSize(64).scoreTokens(prefixes, targets, null); // fewer passes; padding changes no score
        } finally {
            lm.scoreBatchSize(16);
        }
        double loss = 0;
        int correct = 0;
        for (int from = 0; from < rows.size(); from += batch) {
            int to = Math.min(rows.size(), from + batch);
            double nll = 0;
            long tokens = 0;
            for (int i = from; i < to; i++) {
                nll -= s.get(i).sum();
                tokens += targets.get(i).length;
                correct += s.get(i).greedy() ? 1 : 0;
            }
            loss += nll / tokens * (to - from);
        }
        return new double[] {loss / rows.size(), (double) correct / rows.size()};
    }

    @Test
    void suffixReturnsEighteenPromptsInGenerationOrder() {
        LanguageModel lm = SearchTestModels.tiny();
        List<Example> xs = SearchTestModels.addTwo();
        SearchResult r = new SuffixSearch(6, 3).search(lm, SearchTestModels.inputs(xs), SearchTestModels.outputs(xs), Budget.unlimited());
        assertEquals(1, r.steps());
        assertTrue(r.ranked().size() <= 18 && r.ranked().size() >= 10, "about 18 prompts, got " + r.ranked().size());
        // generation order: the 8 initial prompts first, then the fresh one and the mutations as generated
        assertEquals(r.prompts().size(), r.prompts().stream().distinct().count(), "each prompt once");
        List<String> population = r.trace().stream().filter(t -> t.origin().equals("population")).map(TraceEntry::prompt).toList();
        for (String p : population) {
            assertTrue(r.prompts().indexOf(p) < 8, "initial prompt " + p + " is among the first 8");
        }
        for (TraceEntry t : r.trace()) {
            if (!t.origin().equals("population") && !population.contains(t.prompt())) {
                assertTrue(r.prompts().indexOf(t.prompt()) >= 8, "later prompt " + t.prompt() + " comes after the initial 8");
            }
        }
    }

    @Test
    void badInputIsAClearError() {
        LanguageModel lm = SearchTestModels.tiny();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IPrompt(small(1)).search(lm, List.of("a", "b"), List.of("x"), Budget.steps(STEPS)));
        assertTrue(e.getMessage().contains("inputs (2)"));
        assertThrows(IllegalArgumentException.class,
                () -> IPromptConfig.defaults().toBuilder().popCriterion("best").build());
    }
}
