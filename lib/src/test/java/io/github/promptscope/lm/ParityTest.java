package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture, every text, every token: the numbers transformers computed, within 1e-4. */
class ParityTest {

    private static final double TOLERANCE = 1e-4;

    static List<String> fixtures() {
        return Fixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void logProbsMatchTransformers(String name) {
        LanguageModel lm = Fixtures.model(name);
        JsonNode f = Fixtures.fixture(name);
        assertTrue(f.path("texts").size() >= 8, "fixture has its texts");
        for (JsonNode t : f.path("texts")) {
            String text = t.path("text").asText();
            TokenLogProbs got = lm.logProbs(text);
            assertArrayEquals(Fixtures.longs(t.path("ids")), got.tokens(), name + ": token ids of " + text);
            assertNull(got.logprobs()[0]);
            for (int i = 1; i < got.tokens().length; i++) {
                double want = t.path("logprobs").get(i).asDouble();
                assertEquals(want, got.logprobs()[i], TOLERANCE, name + ": token " + i + " of \"" + text + "\"");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void greedyContinuationsMatchTransformers(String name) {
        LanguageModel lm = Fixtures.model(name);
        for (JsonNode g : Fixtures.fixture(name).path("greedy")) {
            String prompt = g.path("prompt").asText();
            assertArrayEquals(Fixtures.longs(g.path("prompt_ids")), lm.tokenizer().encode(prompt));
            GenerationConfig cfg = GenerationConfig.greedy(g.path("max_new_tokens").asInt()).withStopAtEos(false);
            Generation out = lm.generate(prompt, cfg);
            assertArrayEquals(Fixtures.longs(g.path("new_ids")), out.tokens(), name + ": greedy after " + prompt);
        }
    }

    /** Repetition penalty, banned sequences and a minimum length, as transformers' generate applies them. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void processedGreedyMatchesTransformers(String name) {
        LanguageModel lm = Fixtures.model(name);
        JsonNode cases = Fixtures.fixture(name).path("greedy_processed");
        assertTrue(cases.size() > 0);
        for (JsonNode g : cases) {
            List<String> banned = new java.util.ArrayList<>();
            g.path("banned").forEach(b -> banned.add(b.asText()));
            int n = g.path("max_new_tokens").asInt();
            GenerationConfig cfg = GenerationConfig.builder().maxNewTokens(n).minNewTokens(n)
                    .repetitionPenalty(g.path("repetition_penalty").asDouble()).bannedTexts(banned).build();
            Generation out = lm.generate(g.path("prompt").asText(), cfg);
            assertArrayEquals(Fixtures.longs(g.path("new_ids")), out.tokens(), name + ": processed greedy");
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void hiddenStatesAndMlpActivationsMatchTransformers(String name) {
        LanguageModel lm = Fixtures.model(name);
        for (JsonNode h : Fixtures.fixture(name).path("hidden")) {
            String text = h.path("text").asText();
            assertRows(h.path("hidden_state"), lm.hiddenStates(text, h.path("layer").asInt()), name + " hidden");
            assertRows(h.path("mlp_activations"), lm.mlpActivations(text, h.path("mlp_layer").asInt()), name + " mlp");
        }
    }

    private static void assertRows(JsonNode want, float[][] got, String what) {
        assertEquals(want.size(), got.length, what + ": positions");
        for (int t = 0; t < got.length; t++) {
            assertEquals(want.get(t).size(), got[t].length, what + ": width");
            for (int j = 0; j < got[t].length; j++) {
                double w = want.get(t).get(j).asDouble();
                // references are rounded to 7 significant digits
                assertEquals(w, got[t][j], TOLERANCE * Math.max(1, Math.abs(w)), what + " [" + t + "][" + j + "]");
            }
        }
    }
}
