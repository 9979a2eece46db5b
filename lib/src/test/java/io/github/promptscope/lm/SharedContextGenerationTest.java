package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code generateTogether} runs each distinct context once, copies its keys and values to every row
 * that continues it, and feeds each row's lead in the new columns; it must sample exactly the tokens
 * plain generation from the concatenated ids samples, call by call (iPrompt's seeded results depend
 * on it). The rows are shaped like an iPrompt step's: a few proposal contexts of different lengths,
 * drawn again and again, fresh samples, and mutations keeping the first t tokens of a parent, some
 * of them parents sampled in the same batch. If sharing changed a single logit enough to move a
 * sample, these fail.
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

    /** Plain generation from {@code contexts[i] + keeps[i]}: the new tokens of each row. */
    private static List<long[]> plain(List<long[]> contexts, List<long[]> keeps, GenerationConfig g) {
        List<long[]> joined = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            joined.add(join(contexts.get(i), keeps.get(i)));
        }
        return lm.generateFromIds(joined, g).stream().map(Generation::tokens).toList();
    }

    private static long[] join(long[] a, long[] b) {
        long[] p = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, p, a.length, b.length);
        return p;
    }

    private static void assertSameTokens(List<long[]> expected, List<Generation> actual, String call) {
        assertEquals(expected.size(), actual.size(), call);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i).tokens(), call + ", row " + i);
        }
    }

    private static List<GenerationCall.Lead> given(List<long[]> keeps) {
        return keeps.stream().<GenerationCall.Lead>map(GenerationCall.Given::new).toList();
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
        List<long[]> none = Collections.nCopies(contexts.size(), new long[0]);
        GenerationConfig g = sampling(6, 1, 11);
        List<List<Generation>> together = lm.generateTogether(List.of(new GenerationCall(contexts, given(none), g)));
        assertSameTokens(plain(contexts, none, g), together.get(0), "fresh");
        assertEquals(lm.tokenizer().decode(contexts.get(0)), together.get(0).get(0).prompt());
    }

    @Test
    void mutationsKeepingTheirHeadsAreTheTokensOfPlainGeneration() {
        List<long[]> contexts = stepContexts();
        Random rng = new Random(9);
        List<long[]> keeps = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            keeps.add(rng.longs(3, 0, lm.tokenizer().vocabSize()).toArray()); // three tokens of a parent prompt
        }
        GenerationConfig g = sampling(3, 1, 12);
        List<List<Generation>> together = lm.generateTogether(List.of(new GenerationCall(contexts, given(keeps), g)));
        assertSameTokens(plain(contexts, keeps, g), together.get(0), "mutations");
        assertEquals(lm.tokenizer().decode(join(contexts.get(1), keeps.get(1))), together.get(0).get(1).prompt());
    }

    /** An iPrompt step: fresh samples, then mutations of given parents and of those fresh samples, in one batch. */
    @Test
    void mutationsOfSamplesDrawnInTheSameBatchAreTheTokensOfTwoPlainCalls() {
        List<long[]> contexts = stepContexts();
        List<long[]> freshContexts = contexts.subList(0, 4);
        List<long[]> mutationContexts = contexts.subList(4, 24);
        long[][] population = {{5, 6, 7, 8, 9, 10}, {11, 12, 13, 14, 15, 16}};
        for (int t : new int[] {0, 2, 5}) {
            GenerationConfig freshConfig = sampling(6, 1, 21 + t);
            GenerationConfig mutationConfig = sampling(6 - t, 1, 31 + t);
            List<GenerationCall.Lead> leads = new ArrayList<>();
            for (int i = 0; i < mutationContexts.size(); i++) {
                int p = i % 6; // 2 given parents, then the 4 fresh samples
                leads.add(p < 2 ? new GenerationCall.Given(Arrays.copyOf(population[p], t))
                        : new GenerationCall.HeadOf(0, p - 2, t));
            }
            List<List<Generation>> together = lm.generateTogether(List.of(
                    new GenerationCall(freshContexts, given(Collections.nCopies(4, new long[0])), freshConfig),
                    new GenerationCall(mutationContexts, leads, mutationConfig)));

            List<long[]> fresh = plain(freshContexts, Collections.nCopies(4, new long[0]), freshConfig);
            assertSameTokens(fresh, together.get(0), "fresh, t " + t);
            List<long[]> keeps = new ArrayList<>();
            for (int i = 0; i < mutationContexts.size(); i++) {
                int p = i % 6;
                keeps.add(Arrays.copyOf(p < 2 ? population[p] : fresh.get(p - 2), t));
            }
            assertSameTokens(plain(mutationContexts, keeps, mutationConfig), together.get(1), "mutations, t " + t);
        }
    }

    @Test
    void aLeadMustFollowARowOfAnEarlierCallThatHasNoStops() {
        List<long[]> contexts = stepContexts().subList(0, 2);
        GenerationConfig g = sampling(4, 1, 14);
        GenerationCall first = new GenerationCall(contexts, given(Collections.nCopies(2, new long[0])), g);
        GenerationCall later = new GenerationCall(contexts,
                List.of(new GenerationCall.HeadOf(1, 0, 2), new GenerationCall.HeadOf(1, 0, 2)), g);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lm.generateTogether(List.of(first, later)));
        assertTrue(e.getMessage().contains("not a row of an earlier call"), e.getMessage());
        GenerationCall stopping = new GenerationCall(contexts, given(Collections.nCopies(2, new long[0])), g.withStopAtEos(true));
        GenerationCall follower = new GenerationCall(contexts,
                List.of(new GenerationCall.HeadOf(0, 0, 2), new GenerationCall.HeadOf(0, 1, 2)), g);
        e = assertThrows(IllegalArgumentException.class, () -> lm.generateTogether(List.of(stopping, follower)));
        assertTrue(e.getMessage().contains("no stops"), e.getMessage());
    }

    @Test
    void distinctContextsAreCounted() {
        assertEquals(3, SharedContexts.of(stepContexts()).distinct());
    }
}
