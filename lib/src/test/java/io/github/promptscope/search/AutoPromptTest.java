package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoPromptTest {

    @Test
    void swapsOnlyWhenTheLossFallsAndIsSeeded() {
        LanguageModel lm = SearchTestModels.tiny();
        List<Example> xs = SearchTestModels.addTwo();
        IPromptConfig cfg = IPromptConfig.quick().toBuilder().numLearnedTokens(3).batchSize(8).maxNSteps(4).seed(4).build();
        SearchResult a = new AutoPrompt(cfg, 8, "the").search(lm, SearchTestModels.inputs(xs), SearchTestModels.outputs(xs), Budget.unlimited());
        SearchResult b = new AutoPrompt(cfg, 8, "the").search(lm, SearchTestModels.inputs(xs), SearchTestModels.outputs(xs), Budget.unlimited());
        assertEquals(a.prompts(), b.prompts());
        assertEquals(4, a.steps());
        // each step scores the current prompt first, then its swaps; the next current is never worse on that batch
        List<TraceEntry> current = a.trace().stream().filter(t -> t.origin().equals("current")).toList();
        assertEquals(4, current.size());
        for (int step = 0; step < 4; step++) {
            int s = step;
            double best = a.trace().stream().filter(t -> t.step() == s).mapToDouble(TraceEntry::loss).min().orElseThrow();
            assertTrue(best <= current.get(step).loss());
        }
        assertTrue(a.trace().size() > 4, "swap candidates were scored");
    }
}
