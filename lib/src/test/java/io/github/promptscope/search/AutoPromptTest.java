package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoPromptTest {

    private static final IPromptConfig CFG = IPromptConfig.quick().toBuilder().numLearnedTokens(3).batchSize(8).seed(4)
            .doFinalReranking(false).build(); // the steps' mechanics; the final ranking is ReferenceParityTest's

    private static SearchResult run(AutoPrompt search, Budget budget) {
        List<Example> xs = SearchTestModels.addTwo();
        return search.search(SearchTestModels.tiny(), SearchTestModels.inputs(xs), SearchTestModels.outputs(xs), budget);
    }

    /** Scores the current prompt (first) at {@code current} and each swap at the given losses, in order; records what it saw. */
    private static AutoPrompt.Scoring fixed(double current, double[] swaps, List<List<long[]>> seen) {
        return (candidates, batch) -> {
            seen.add(candidates);
            List<CandidateScorer.Score> out = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                out.add(new CandidateScorer.Score(i == 0 ? current : swaps[i - 1], 0.0, 0));
            }
            return out;
        };
    }

    /** Four ids none of which is the initial prompt's token, so no swap is dropped as a no-op. */
    private static long[] fourOtherIds() {
        long the = SearchTestModels.tiny().tokenizer().encode(" the")[0];
        return new long[] {the + 1, the + 2, the + 3, the + 4};
    }

    @Test
    void adoptsTheLowestLossSwapOfEachStepWithTheRealGradient() {
        SearchResult r = run(new AutoPrompt(CFG, 8, "the"), Budget.steps(6));
        assertEquals(6, r.steps());
        assertEquals(r.prompts(), run(new AutoPrompt(CFG, 8, "the"), Budget.steps(6)).prompts(), "seeded");
        int adopted = 0;
        for (int step = 0; step + 1 < r.steps(); step++) {
            int s = step;
            List<TraceEntry> scored = r.trace().stream().filter(t -> t.step() == s).toList();
            TraceEntry current = scored.get(0);
            assertEquals("current", current.origin());
            assertTrue(scored.size() > 1, "swaps were scored at step " + step);
            TraceEntry best = current;
            for (TraceEntry t : scored) {
                if (t.loss() < best.loss()) {
                    best = t; // the first of equal losses, as the search takes it
                }
            }
            String next = r.trace().stream().filter(t -> t.step() == s + 1).findFirst().orElseThrow().prompt();
            String expected = best.loss() < current.loss() ? best.prompt() : current.prompt();
            assertEquals(expected, next, "step " + step + ": best " + best.loss() + " vs current " + current.loss());
            adopted += best != current ? 1 : 0;
        }
        assertTrue(adopted >= 1, "at least one swap lowered the loss in 5 steps, got " + adopted);
    }

    @Test
    void adoptsExactlyTheBestSwapAndTakesTheFirstOfEqualLosses() {
        long[] ids = fourOtherIds();
        List<List<long[]>> seen = new ArrayList<>();
        AutoPrompt search = new AutoPrompt(CFG, 4, "the").withSeams(new AutoPrompt.Seams(
                (prompt, position, batch) -> ids, fixed(1.0, new double[] {0.9, 0.4, 0.7, 0.4}, seen)));
        SearchResult r = run(search, Budget.steps(2));
        assertEquals(2, seen.size());
        assertEquals(5, seen.get(0).size(), "the current prompt and four swaps");
        // swap 2 (loss 0.4, before the other 0.4) becomes the next step's current prompt
        assertArrayEquals(seen.get(0).get(2), seen.get(1).get(0));
        assertEquals("current", r.trace().get(5).origin());
        assertEquals(0.4, r.trace().get(2).loss(), 0.0);
        assertEquals(r.trace().get(2).prompt(), r.trace().get(5).prompt());
    }

    @Test
    void keepsThePromptWhenNoSwapLowersTheLossAndStopsEarly() {
        long[] ids = fourOtherIds();
        List<List<long[]>> seen = new ArrayList<>();
        IPromptConfig cfg = CFG.toBuilder().earlyStoppingSteps(3).build();
        // one swap ties the current loss (a tie is not an improvement), the others are worse
        AutoPrompt search = new AutoPrompt(cfg, 4, "the").withSeams(new AutoPrompt.Seams(
                (prompt, position, batch) -> ids, fixed(1.0, new double[] {1.0, 1.1, 1.2, 1.3}, seen)));
        SearchResult r = run(search, Budget.steps(10));
        assertEquals(3, r.steps(), "three unchanged steps end the search");
        assertEquals("early_stopping", r.stopReason());
        assertEquals(15, r.candidatesScored());
        for (List<long[]> step : seen) {
            assertArrayEquals(seen.get(0).get(0), step.get(0), "the current prompt never changes");
        }
        List<String> currents = r.trace().stream().filter(t -> t.origin().equals("current")).map(TraceEntry::prompt).toList();
        assertEquals(List.of(currents.get(0), currents.get(0), currents.get(0)), currents);
    }
}
