package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.RemoteTextModel;
import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.serve.OpenAiServer;
import io.github.promptscope.serve.ServerOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * iPrompt with its proposer behind the remote interface: {@code serve} of the default model on a
 * free loopback port, reached through {@link RemoteTextModel} (the OpenAI SDK), proposes exactly
 * what the local proposer does, so the ranked prompts (text, ids, loss, accuracy) are identical.
 */
class IPromptRemoteProposerTest {

    @Test
    void remoteProposerGivesTheLocalRankedPrompts() {
        List<Example> xs = SearchTestModels.addTwo();
        List<String> inputs = SearchTestModels.inputs(xs);
        List<String> outputs = SearchTestModels.outputs(xs);
        // The quick preset, smaller: one mutation per parent, batches of 8 rows, no final reranking.
        IPromptConfig cfg = IPromptConfig.quick().toBuilder().numMutations(1).batchSize(8).doFinalReranking(false)
                .seed(1).build();
        try (LanguageModel lm = LanguageModel.loadDefault();
                OpenAiServer server = OpenAiServer.start(new LocalTextModel(lm), ServerOptions.defaults().withPort(0));
                RemoteTextModel remote = RemoteTextModel.connect(RemoteTextModel.Options.fromEnvironment()
                        .withBaseUrl(server.baseUrl()).withApiKey(null).withTimeout(Duration.ofSeconds(60))
                        .withMaxRetries(0))) {
            SearchResult local = new IPrompt(cfg).search(lm, inputs, outputs, Budget.steps(2));
            long before = server.requestsRun();
            SearchResult wire = new IPrompt(cfg).withProposer(remote).search(lm, inputs, outputs, Budget.steps(2));

            // Step 1 fills the pool (8 one-prompt requests, one per new prompt) and then proposes fresh
            // prompts and mutations (2 batches); step 2 proposes again (2 batches).
            assertEquals(12, server.requestsRun() - before, "proposal requests served");
            assertEquals(local.steps(), wire.steps());
            assertEquals(2, wire.steps());
            assertEquals(48, wire.candidatesScored(), "8 population + 4 fresh + 12 mutants per step");
            assertEquals(SearchGoldenTest.traceDigest(local), SearchGoldenTest.traceDigest(wire), "every candidate, in order");
            assertEquals(local.ranked().size(), wire.ranked().size());
            for (int i = 0; i < local.ranked().size(); i++) {
                RankedPrompt a = local.ranked().get(i);
                RankedPrompt b = wire.ranked().get(i);
                assertEquals(a.text(), b.text(), "rank " + i);
                assertArrayEquals(a.ids(), b.ids(), "ids at rank " + i);
                assertEquals(a.meanLoss(), b.meanLoss(), 0.0, "loss at rank " + i);
                assertEquals(a.meanAccuracy(), b.meanAccuracy(), 0.0, "accuracy at rank " + i);
            }
            assertTrue(local.ranked().size() >= 12, "ranked " + local.ranked().size());
            Object[][] top = {
                {" Return twice of x. Compute", 0.497818249, 0.500000000, 2},
                {" Return twice the input. Sum", 0.814231680, 0.416666667, 3},
                {" Output the bigger number. Pick", 0.452423290, 0.375000000, 2},
            };
            for (int i = 0; i < top.length; i++) {
                RankedPrompt p = wire.ranked().get(i);
                assertEquals(top[i][0], p.text(), "rank " + i);
                assertEquals((double) top[i][1], p.meanLoss(), 1e-6, "loss at rank " + i);
                assertEquals((double) top[i][2], p.meanAccuracy(), 1e-6, "accuracy at rank " + i);
                assertEquals((int) top[i][3], p.evaluations(), "evaluations at rank " + i);
            }
            assertEquals(remote.name(), wire.config().path("proposer").asText());
            assertEquals("token ids", wire.config().path("proposerInput").asText());
        }
    }
}
