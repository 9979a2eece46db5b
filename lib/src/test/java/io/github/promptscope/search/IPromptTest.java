package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
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

    @Test
    void finalRerankingRescoresTheBestOnHeldRows() {
        LanguageModel lm = SearchTestModels.tiny();
        List<Example> xs = SearchTestModels.addTwo();
        IPromptConfig cfg = small(2).toBuilder().doFinalReranking(true).build();
        SearchResult r = new IPrompt(cfg).search(lm, SearchTestModels.inputs(xs), SearchTestModels.outputs(xs), Budget.steps(4));
        assertTrue(r.ranked().size() <= 64);
        assertTrue(r.ranked().size() > 0);
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
