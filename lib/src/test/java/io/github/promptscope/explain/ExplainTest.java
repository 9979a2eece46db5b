package io.github.promptscope.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.search.Budget;
import io.github.promptscope.search.IPromptConfig;
import io.github.promptscope.search.PromptLength;
import io.github.promptscope.search.RankedPrompt;
import io.github.promptscope.search.SearchResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-call facade: each method runs its search on the given model with the builder's settings. */
class ExplainTest {

    private static LanguageModel lm;
    private static List<String> inputs;
    private static List<String> outputs;

    /** 2-token prompts, 2 shots, batch 4, one step of 3 candidates, no final reranking. */
    private static final IPromptConfig TINY = IPromptConfig.quick().toBuilder().numLearnedTokens(2).nShots(2)
            .batchSize(4).popSize(2).numRandomGenerations(1).numMutations(0).doFinalReranking(false)
            .build();

    @BeforeAll
    static void load() {
        System.setProperty("promptscope.progress", "off");
        lm = LanguageModel.loadDefault();
        List<Example> train = Datasets.get("add_two", 0, 12).train();
        inputs = train.stream().map(Example::input).toList();
        outputs = train.stream().map(Example::output).toList();
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    private static Explain.Builder explain() {
        return Explain.dataset(inputs, outputs).with(lm).config(TINY).budget(Budget.steps(1)).seed(4);
    }

    private static void assertRanked(SearchResult r, String method) {
        assertEquals(method, r.method());
        assertFalse(r.ranked().isEmpty(), method + " ranked nothing");
        for (RankedPrompt p : r.ranked()) {
            assertEquals(2, p.ids().length, method + ": " + p.text());
            assertEquals(p.text(), lm.tokenizer().decode(p.ids()));
        }
        assertEquals(r.ranked().get(0).text(), r.best().text());
        assertEquals(4, r.config().path("seed").asLong(), method + " ran with the builder's seed");
    }

    @Test
    void ipromptRunsTheConfiguredSearchAndRepeatsWithTheSameSeed() {
        SearchResult a = explain().iprompt();
        assertRanked(a, "iprompt");
        assertEquals(1, a.steps());
        assertEquals("steps", a.stopReason());
        assertEquals(TINY.candidatesPerStep(), a.candidatesScored()); // 2 + 1, no reranking
        SearchResult b = explain().iprompt();
        assertEquals(a.prompts(), b.prompts());
        for (int i = 0; i < a.ranked().size(); i++) {
            assertEquals(a.ranked().get(i).meanLoss(), b.ranked().get(i).meanLoss(), 0.0);
        }
    }

    @Test
    void suffixIsTheProposalStepAloneAndRepeatsWithTheSameSeed() {
        SearchResult a = explain().suffix();
        assertRanked(a, "suffix");
        assertEquals(1, a.steps());
        // at most 8 + 1 + 9 sampled prompts, each once (2-token samples repeat more often than 6-token ones)
        assertTrue(a.ranked().size() >= 2 && a.ranked().size() <= 18, "prompts: " + a.ranked().size());
        assertEquals(a.ranked().size(), a.prompts().stream().distinct().count());
        // the same seed again, through method(name): the same prompts in the same order
        assertEquals(a.prompts(), explain().method("suffix").prompts());
    }

    @Test
    void autopromptSwapsTokensAndRepeatsWithTheSameSeed() {
        SearchResult a = explain().autoprompt();
        assertRanked(a, "autoprompt");
        assertEquals(1, a.steps());
        assertTrue(a.trace().size() > 1, "the initial prompt and its candidate swaps are scored");
        assertEquals(a.prompts(), explain().autoprompt().prompts());
    }

    /**
     * A prompt longer than the scored sequence leaves for it is refused by every method, naming
     * numLearnedTokens and the limit (issue #18: 250 tokens used to be ranked first and "correct").
     */
    @Test
    void aPromptThatDoesNotFitIsRefused() {
        int max = PromptLength.max(lm, TINY, outputs);
        int longest = outputs.stream().mapToInt(o -> lm.tokenizer().encode(o).length).max().orElseThrow();
        assertEquals(128 - longest - 1, max, "maxLength 128 (fewer than the model's 256 positions)");
        IPromptConfig tooLong = TINY.toBuilder().numLearnedTokens(max + 1).build();
        for (String method : List.of("iprompt", "suffix", "autoprompt")) {
            Exception e = assertThrows(IllegalArgumentException.class,
                    () -> Explain.dataset(inputs, outputs).with(lm).config(tooLong).budget(Budget.steps(1)).method(method));
            assertTrue(e.getMessage().startsWith("numLearnedTokens " + (max + 1) + " is more than this model and data"
                    + " allow: at most " + max + " "), method + ": " + e.getMessage());
        }
        Exception config = assertThrows(IllegalArgumentException.class,
                () -> TINY.toBuilder().numLearnedTokens(128).build());
        assertEquals("numLearnedTokens 128 must be less than maxLength 128, the longest scored sequence (prompt, input"
                + " and output)", config.getMessage());
    }
}
