package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trained value slots of the simulation documents, per {@link SimulationReveal}: the share above
 * 0 is what decides whether predicting 0 everywhere is nearly optimal (issue #13).
 */
class SimulationRevealTest {

    private static final int POSITIONS = 512;

    private static LanguageModel model;

    @BeforeAll
    static void load() {
        System.setProperty("promptscope.progress", "off");
        model = LanguageModel.loadDefault();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** 150 simulation documents, 8 packs of the default corpus, no validation. */
    private static NeuronTrainingCorpus.Examples build(SimulationReveal reveal, long seed) {
        return new NeuronTrainingCorpus(new NeuronTrainingCorpus.Spec(158, 0.95, 0.0, 0, seed, reveal))
                .build(model.tokenizer(), POSITIONS, model.config().eosTokenId());
    }

    /** Trained value slots (the first trained token after a tab) as {above 0, all}. */
    private static int[] valueSlots(List<NeuronTrainingCorpus.Example> examples, TextTokenizer tokenizer) {
        long tab = tokenizer.encode("\t")[0];
        int above = 0;
        int all = 0;
        for (NeuronTrainingCorpus.Example e : examples) {
            for (int j = 1; j < e.ids().length; j++) {
                if (e.trained()[j] && e.ids()[j - 1] == tab) {
                    String piece = tokenizer.piece(e.ids()[j]);
                    assertTrue(piece.matches("[0-9]+"), "a trained value '" + piece + "'");
                    all++;
                    above += piece.equals("0") ? 0 : 1;
                }
            }
        }
        return new int[] {above, all};
    }

    /** The share of the examples' trained value slots above 0, printed under {@code label}. */
    private double shareAboveZero(NeuronTrainingCorpus.Examples examples, String label) {
        int[] slots = valueSlots(examples.train(), model.tokenizer());
        double share = (double) slots[0] / slots[1];
        System.out.printf("%s: %d of %d trained value slots above 0 (%.1f%%)%n", label, slots[0], slots[1], 100 * share);
        return share;
    }

    /** The same seed builds the same ids and training masks, example by example. */
    private static void assertSameExamples(NeuronTrainingCorpus.Examples a, NeuronTrainingCorpus.Examples b) {
        assertEquals(a.train().size(), b.train().size());
        for (int i = 0; i < a.train().size(); i++) {
            assertArrayEquals(a.train().get(i).ids(), b.train().get(i).ids(), "example " + i);
            assertArrayEquals(a.train().get(i).trained(), b.train().get(i).trained(), "example " + i);
        }
    }

    @Test
    void firingAndAsManyOthersTrainsAThirdOfItsSlotsAboveZeroAndIsDeterministic() {
        NeuronTrainingCorpus.Examples v2 = build(SimulationReveal.FIRING_AND_AS_MANY_OTHERS, 0);
        double share = shareAboveZero(v2, "neurons-v2");
        assertTrue(share >= 0.25 && share <= 0.45, "share above 0: " + share);
        assertSameExamples(v2, build(SimulationReveal.FIRING_AND_AS_MANY_OTHERS, 0));
    }

    @Test
    void quotedTokensTrainsAThirdOfItsSlotsAboveZeroAndIsDeterministic() {
        NeuronTrainingCorpus.Examples copy = build(SimulationReveal.QUOTED_TOKENS, 0);
        double share = shareAboveZero(copy, "neurons-copy");
        assertTrue(share >= 0.25 && share <= 0.5, "share above 0: " + share);
        assertSameExamples(copy, build(SimulationReveal.QUOTED_TOKENS, 0));
        NeuronTrainingCorpus.Examples other = build(SimulationReveal.QUOTED_TOKENS, 1);
        int differing = 0;
        for (int i = 0; i < copy.train().size(); i++) {
            differing += java.util.Arrays.equals(copy.train().get(i).ids(), other.train().get(i).ids()) ? 0 : 1;
        }
        assertTrue(differing > copy.train().size() / 2, "seed 1 drew " + differing + " different examples");
    }

    @Test
    void theRandomShareOfTheShippedRecipeTrainsFewSlotsAboveZero() {
        double share = shareAboveZero(build(SimulationReveal.RANDOM_SHARE, 0), "neurons");
        assertTrue(share < 0.1, "share above 0: " + share);
    }
}
