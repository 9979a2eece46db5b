package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code generateAfter} runs each distinct context once and copies its keys and values to every row
 * that continues it; it must sample exactly the tokens generation from the concatenated ids samples
 * (iPrompt's seeded results depend on it). The rows are shaped like an iPrompt step's: a few
 * proposal contexts of different lengths, drawn again and again, each followed by the first t
 * tokens of a parent prompt. If sharing changed a single logit enough to move a sample, these
 * fail.
 */
class SharedContextGenerationTest {

    private static LanguageModel lm;

    @BeforeAll
    static void load() {
        lm = LanguageModel.loadDefault();
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    private static GenerationConfig sampling(int newTokens, int samples, long seed) {
        return GenerationConfig.builder().maxNewTokens(newTokens).minNewTokens(newTokens).temperature(1.0).topK(50)
                .topP(1.0).repetitionPenalty(2.0).bannedTexts(List.of("\n", "\n\n")).numSamples(samples).seed(seed)
                .stopAtEos(false).build();
    }

    private static void assertSameTokens(List<long[]> contexts, List<long[]> keeps, GenerationConfig g) {
        List<long[]> joined = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            long[] p = Arrays.copyOf(contexts.get(i), contexts.get(i).length + keeps.get(i).length);
            System.arraycopy(keeps.get(i), 0, p, contexts.get(i).length, keeps.get(i).length);
            joined.add(p);
        }
        List<Generation> plain = lm.generateFromIds(joined, g);
        List<Generation> shared = lm.generateAfter(contexts, keeps, g);
        assertEquals(plain.size(), shared.size());
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i).tokens(), shared.get(i).tokens(), "row " + i);
            assertEquals(plain.get(i).prompt(), shared.get(i).prompt(), "row " + i);
        }
    }

    private static List<long[]> stepContexts() {
        List<long[]> distinct = new ArrayList<>();
        for (String rows : List.of("Given the input numbers 3 and 4, the answer is 7.",
                "Given the input numbers 12 and 5, the answer is 17.\nGiven the input numbers 0 and 9, the answer is 9.",
                "Given the input numbers 40 and 41, the answer is 81.\nGiven the input numbers 2 and 2, the answer is 4.\n"
                        + "Given the input numbers 7 and 70, the answer is 77.")) {
            distinct.add(lm.tokenizer().encode("Data:\n\n" + rows + "\n\nPrompt:"));
        }
        Random rng = new Random(5);
        List<long[]> contexts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            contexts.add(distinct.get(rng.nextInt(distinct.size())));
        }
        return contexts;
    }

    @Test
    void freshSamplesFromRepeatedContextsAreTheTokensOfPlainGeneration() {
        List<long[]> contexts = stepContexts();
        assertSameTokens(contexts, java.util.Collections.nCopies(contexts.size(), new long[0]), sampling(6, 1, 11));
    }

    @Test
    void mutationsKeepingTheirHeadsAreTheTokensOfPlainGeneration() {
        List<long[]> contexts = stepContexts();
        Random rng = new Random(9);
        List<long[]> keeps = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            keeps.add(rng.longs(3, 0, lm.tokenizer().vocabSize()).toArray()); // three tokens of a parent prompt
        }
        assertSameTokens(contexts, keeps, sampling(3, 1, 12));
        assertSameTokens(contexts, keeps, sampling(3, 2, 13)); // two samples a row
    }

    @Test
    void keptPartsOfUnequalLengthGenerateAsPlainGeneration() {
        List<long[]> contexts = stepContexts().subList(0, 3);
        List<long[]> keeps = List.of(new long[] {5}, new long[] {5, 6}, new long[0]);
        assertNull(SharedContexts.of(contexts, keeps));
        assertSameTokens(contexts, keeps, sampling(4, 1, 14));
    }

    @Test
    void distinctContextsAreCounted() {
        List<long[]> contexts = stepContexts();
        SharedContexts s = SharedContexts.of(contexts, java.util.Collections.nCopies(contexts.size(), new long[0]));
        assertEquals(3, s.distinct());
    }
}
