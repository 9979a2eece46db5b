package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GenerationTest {

    static List<String> fixtures() {
        return Fixtures.names();
    }

    private static final List<String> PROMPTS = List.of("The quick brown fox", "12 + 7 =", "日本語の");

    @ParameterizedTest
    @MethodSource("fixtures")
    void cacheChangesNothing(String name) {
        LanguageModel lm = Fixtures.model(name);
        for (GenerationConfig cfg : List.of(
                GenerationConfig.greedy(10).withStopAtEos(false),
                GenerationConfig.sampling(10, 0.9, 7).withStopAtEos(false).withSamples(2).withTopK(50).withTopP(0.95))) {
            List<Generation> cached = lm.generate(PROMPTS, cfg);
            List<Generation> uncached = lm.generate(PROMPTS, cfg.withCache(false));
            for (int i = 0; i < cached.size(); i++) {
                assertArrayEquals(uncached.get(i).tokens(), cached.get(i).tokens(), name + " row " + i);
            }
        }
    }

    /** Left padding in a batch of unequal prompts gives each prompt what it gets alone. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void batchedGenerationEqualsSingle(String name) {
        LanguageModel lm = Fixtures.model(name);
        GenerationConfig cfg = GenerationConfig.greedy(8).withStopAtEos(false);
        List<Generation> batch = lm.generate(PROMPTS, cfg);
        for (int i = 0; i < PROMPTS.size(); i++) {
            assertArrayEquals(lm.generate(PROMPTS.get(i), cfg).tokens(), batch.get(i).tokens(), name + " " + PROMPTS.get(i));
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void samplingIsSeededAndTopKOfOneIsGreedy(String name) {
        LanguageModel lm = Fixtures.model(name);
        GenerationConfig cfg = GenerationConfig.sampling(12, 1.0, 3).withStopAtEos(false).withSamples(3);
        List<Generation> a = lm.generate(List.of("Hello"), cfg);
        List<Generation> b = lm.generate(List.of("Hello"), cfg);
        assertEquals(3, a.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a.get(i).tokens(), b.get(i).tokens(), "same seed, same sample");
            assertEquals(i, a.get(i).sample());
        }
        assertFalse(java.util.Arrays.equals(a.get(0).tokens(), a.get(1).tokens())
                && java.util.Arrays.equals(a.get(1).tokens(), a.get(2).tokens()), "samples differ from each other");
        List<Generation> other = lm.generate(List.of("Hello"), GenerationConfig.sampling(12, 1.0, 4).withStopAtEos(false));
        assertNotEquals(java.util.Arrays.toString(a.get(0).tokens()), java.util.Arrays.toString(other.get(0).tokens()));

        Generation topOne = lm.generate("Hello", GenerationConfig.sampling(12, 1.0, 9).withTopK(1).withStopAtEos(false));
        assertArrayEquals(lm.generate("Hello", GenerationConfig.greedy(12).withStopAtEos(false)).tokens(), topOne.tokens());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void stopStringsCutTheText(String name) {
        LanguageModel lm = Fixtures.model(name);
        Generation free = lm.generate("The quick brown fox", GenerationConfig.greedy(12).withStopAtEos(false));
        // stop on a piece that the free run produces in its middle
        String text = free.text();
        String stop = text.substring(text.length() / 2, text.length() / 2 + 1);
        Generation stopped = lm.generate("The quick brown fox",
                GenerationConfig.greedy(12).withStopAtEos(false).withStops(List.of(stop)));
        assertEquals("stop", stopped.finishReason());
        assertFalse(stopped.text().contains(stop));
        assertTrue(text.startsWith(stopped.text()));
        assertTrue(stopped.tokens().length <= free.tokens().length);
        assertEquals("length", free.finishReason());
        assertEquals(12, free.tokens().length);
    }
}
