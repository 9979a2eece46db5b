package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The local proposer generates a step's fresh samples and their mutations in one batch
 * ({@code LanguageModel.generateTogether}); a proposer behind {@link LocalTextModel} makes the two
 * calls one after the other, as the search did before (and as the reference does). For a given seed
 * the float32 search must not notice: the same candidates in the same order, the same losses and
 * accuracies to the last bit, the same final ranking. The quick preset (8 + 4 candidates, 4
 * mutations of each) over 2 steps, with final reranking.
 */
class BatchedProposalsTest {

    @Test
    void oneBatchPerStepGivesTheSearchOfTwoCallsPerStep() {
        List<Example> xs = SearchTestModels.addTwo();
        List<String> inputs = SearchTestModels.inputs(xs);
        List<String> outputs = SearchTestModels.outputs(xs);
        IPromptConfig cfg = IPromptConfig.quick().toBuilder().seed(1).build();
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            SearchResult batched = new IPrompt(cfg).search(lm, inputs, outputs, Budget.steps(2));
            SearchResult twoCalls = new IPrompt(cfg).withProposer(new LocalTextModel(lm))
                    .search(lm, inputs, outputs, Budget.steps(2));

            assertEquals(2, batched.steps());
            assertEquals(2 * 60, batched.trace().size(), "8 population + 4 fresh + 48 mutations a step");
            assertEquals(twoCalls.proposals(), batched.proposals());
            assertEquals(twoCalls.trace().size(), batched.trace().size());
            for (int i = 0; i < batched.trace().size(); i++) {
                TraceEntry a = twoCalls.trace().get(i);
                TraceEntry b = batched.trace().get(i);
                assertEquals(a.origin(), b.origin(), "candidate " + i);
                assertEquals(a.prompt(), b.prompt(), "candidate " + i);
                assertEquals(a.loss(), b.loss(), 0.0, "loss of candidate " + i);
                assertEquals(a.accuracy(), b.accuracy(), 0.0, "accuracy of candidate " + i);
            }
            assertEquals(twoCalls.candidatesScored(), batched.candidatesScored());
            assertEquals(twoCalls.ranked().size(), batched.ranked().size());
            assertTrue(batched.ranked().size() >= 2, "ranked " + batched.ranked().size());
            for (int i = 0; i < batched.ranked().size(); i++) {
                RankedPrompt a = twoCalls.ranked().get(i);
                RankedPrompt b = batched.ranked().get(i);
                assertArrayEquals(a.ids(), b.ids(), "ids at rank " + i);
                assertEquals(a.meanLoss(), b.meanLoss(), 0.0, "loss at rank " + i);
                assertEquals(a.meanAccuracy(), b.meanAccuracy(), 0.0, "accuracy at rank " + i);
                assertEquals(a.evaluations(), b.evaluations(), "evaluations at rank " + i);
            }
        }
    }
}
