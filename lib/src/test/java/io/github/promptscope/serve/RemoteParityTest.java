package io.github.promptscope.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.backend.CompletionRequest;
import io.github.promptscope.backend.GeneratedText;
import io.github.promptscope.backend.RemoteTextModel;
import io.github.promptscope.backend.Sampling;
import io.github.promptscope.backend.ScoredText;
import io.github.promptscope.lm.Generation;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.TokenLogProbs;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client against {@code serve} of each parity fixture, over real loopback HTTP: echo+logprobs
 * give the local model's log-probabilities (and transformers') within 1e-4, and seeded sampling
 * over the wire gives the local seeded samples.
 */
class RemoteParityTest {

    private static final double TOLERANCE = 1e-4;

    static List<JsonNode> fixtures() {
        return Servers.fixtureList();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("fixtures")
    void echoLogprobsEqualLocalLogProbs(JsonNode fixture) {
        String name = fixture.path("name").asText();
        try (LanguageModel lm = Servers.fixtureModel(fixture);
                OpenAiServer server = Servers.serve(lm, null);
                RemoteTextModel remote = Servers.client(server, null)) {
            for (JsonNode t : fixture.path("texts")) {
                String text = t.path("text").asText();
                TokenLogProbs local = lm.logProbs(text);
                ScoredText scored = remote.score(text, 5);
                assertEquals(local.tokens().length, scored.tokens().size(), name + ": token count of " + text);
                assertNull(scored.tokens().get(0).logprob(), "nothing predicts the first token");
                for (int i = 1; i < local.tokens().length; i++) {
                    double got = scored.tokens().get(i).logprob();
                    String where = name + ": token " + i + " of \"" + text + "\"";
                    assertEquals(local.logprobs()[i], got, TOLERANCE, where);
                    assertEquals(t.path("logprobs").get(i).asDouble(), got, TOLERANCE, where + " (transformers)");
                    // The top alternatives are sorted, and the scored token is never likelier than the best.
                    List<ScoredText.Alternative> top = scored.tokens().get(i).top();
                    assertTrue(top.size() >= 1 && top.size() <= 5, where + ": top-5 has " + top.size());
                    assertTrue(top.get(0).logprob() >= got - TOLERANCE, where + ": best alternative");
                }
            }
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("fixtures")
    void seededSamplingOverTheWireEqualsLocal(JsonNode fixture) {
        try (LanguageModel lm = Servers.fixtureModel(fixture);
                OpenAiServer server = Servers.serve(lm, null);
                RemoteTextModel remote = Servers.client(server, null)) {
            JsonNode g = fixture.path("greedy").get(0);
            String prompt = g.path("prompt").asText();
            for (long seed : new long[] {1, 42}) {
                Sampling s = Sampling.seeded(12, 0.9, seed).withTopP(0.95).withTopK(40);
                List<GeneratedText> wire = remote.complete(CompletionRequest.of(prompt, s).withN(3));
                List<Generation> here = lm.generate(List.of(prompt), GenerationConfig.builder().maxNewTokens(12)
                        .temperature(0.9).topP(0.95).topK(40).seed(seed).numSamples(3).build());
                assertEquals(3, wire.size());
                for (int i = 0; i < 3; i++) {
                    assertEquals(here.get(i).text(), wire.get(i).text(), "seed " + seed + " sample " + i);
                }
            }
            // Greedy over the wire is transformers' greedy continuation.
            int max = g.path("max_new_tokens").asInt();
            GeneratedText greedy = remote.complete(CompletionRequest.of(prompt, Sampling.greedy(max))).get(0);
            Generation local = lm.generate(prompt, GenerationConfig.greedy(max));
            assertEquals(local.text(), greedy.text());
        }
    }
}
