package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.util.Hashes;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression pins: iPrompt and AutoPrompt on the shipped default model, add_two (20 examples,
 * dataset seed 0), search seed 1. The literals were recorded by this test before the search loop
 * was shared between the two methods (commit after db379f3) and must not move: the committed sweep
 * records are only reproducible while every random draw happens in the same order. The trace
 * digest covers every candidate's step, origin and text, so any change in the random stream fails
 * here even when the top prompts survive it.
 *
 * <p>Moved deliberately once, by matching the reference's final-reranking eligibility (prompts
 * evaluated more than 3 times, not 3 or more): iPrompt's run now reranks 2 prompts, not 5, so
 * fewer candidates are scored; its trace (digest) did not move. AutoPrompt's run is pinned
 * without final reranking (which it now honours; reranking 64 prompts on 256 rows would add minutes
 * here, and {@code ReferenceParityTest} covers it), so its numbers did not move.
 */
class SearchGoldenTest {

    private static LanguageModel lm;
    private static List<String> inputs;
    private static List<String> outputs;

    @BeforeAll
    static void load() {
        lm = LanguageModel.loadDefault();
        List<Example> xs = SearchTestModels.addTwo();
        inputs = SearchTestModels.inputs(xs);
        outputs = SearchTestModels.outputs(xs);
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void iPromptQuickPresetTwoStepsSeedOne() {
        // the quick preset with one mutation per parent instead of four, to keep the test short
        IPromptConfig cfg = IPromptConfig.quick().toBuilder().numMutations(1).seed(1).build();
        SearchResult r = new IPrompt(cfg).search(lm, inputs, outputs, Budget.steps(2));
        assertEquals(2, r.steps());
        assertEquals("steps", r.stopReason());
        // 48 candidates in 2 steps, then 2 prompts evaluated more than 3 times x 16 batches of the first 256 rows
        assertEquals(48 + 2 * 16, r.candidatesScored());
        assertEquals(48, r.trace().size());
        assertEquals("8178c2d259091d45", traceDigest(r));
        assertEquals(2, r.ranked().size());
        assertRanked(r, new Object[][] {
            {" The output is two times x", 0.755080722, 0.507812500, 6},
            {" Given an input x, return", 1.272100583, 0.000000000, 4},
        });
    }

    @Test
    void autoPromptThreeStepsSeedOne() {
        IPromptConfig cfg = IPromptConfig.quick().toBuilder().seed(1).doFinalReranking(false).build();
        SearchResult r = AutoPrompt.defaults(cfg).search(lm, inputs, outputs, Budget.steps(3));
        assertEquals(3, r.steps());
        assertEquals("steps", r.stopReason());
        assertEquals(99, r.candidatesScored());
        assertEquals(95, r.ranked().size());
        assertEquals("4c3ae8fd6e49e263", traceDigest(r));
        assertRanked(r, new Object[][] {
            {" the the the plus the the", 0.682546512, 0.625000000, 1},
            {" the the the sum the the", 0.821083887, 0.625000000, 1},
            {" the the the Kuala the the", 0.725238299, 0.500000000, 1},
            {" the the the greater the the", 0.678999479, 0.437500000, 1},
            {" the the the dos the the", 0.683377893, 0.437500000, 1},
            {" the the the tres the the", 0.690479596, 0.437500000, 1},
        });
    }

    private static void assertRanked(SearchResult r, Object[][] expected) {
        for (int i = 0; i < expected.length; i++) {
            RankedPrompt p = r.ranked().get(i);
            assertEquals(expected[i][0], p.text(), "rank " + i);
            assertEquals((double) expected[i][1], p.meanLoss(), 1e-6, "loss at rank " + i);
            assertEquals((double) expected[i][2], p.meanAccuracy(), 1e-9, "accuracy at rank " + i);
            assertEquals((int) expected[i][3], p.evaluations(), "evaluations at rank " + i);
        }
    }

    /** SHA-256 (16 hex digits) of every traced candidate's step, origin and text, in order. */
    static String traceDigest(SearchResult r) {
        StringBuilder b = new StringBuilder();
        for (TraceEntry t : r.trace()) {
            b.append(t.step()).append('|').append(t.origin()).append('|').append(t.prompt()).append('\n');
        }
        return Hashes.sha256(b.toString()).substring(0, 16);
    }
}
