package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which excerpts a planted neuron's quoted explanation takes its members from. */
class PlantedNeuronQuotesTest {

    /** Top excerpt i holds animal ANIMALS[i] (firing); random excerpts hold no animal. */
    private static final String[] ANIMALS = {"ant", "bee", "fly", "frog", "worm", "snail", "mouse", "spider",
            "sparrow", "mosquito", "butterfly", "ladybug", "ant", "bee", "fly", "frog", "worm", "snail", "mouse", "spider"};

    private static NeuronRecord record() {
        List<ActivationRecord> top = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            top.add(new ActivationRecord(List.of("the", " " + ANIMALS[i], " ran"), new double[] {0, 20 - i, 0}));
        }
        List<ActivationRecord> random = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            random.add(new ActivationRecord(List.of("a", " table"), new double[] {0, 0}));
        }
        return NeuronRecord.of(new NeuronId(0, 0), top, random);
    }

    @Test
    void explainingQuotesTheTrainSplitAndScoredTheValidSplit() {
        NeuronRecord r = record();
        // train = top[0, 4, 8, 12, 16]: ant, worm, sparrow, ant, worm; valid top = top[2, 6, 10, 14, 18]: fly, mouse, butterfly, fly, mouse
        String explaining = PlantedNeuronEvaluation.quotedExplanation(Concept.ANIMALS, r, PlantedNeuronEvaluation.QuoteFrom.EXPLAINING);
        String scored = PlantedNeuronEvaluation.quotedExplanation(Concept.ANIMALS, r, PlantedNeuronEvaluation.QuoteFrom.SCORED);
        assertEquals(Concept.ANIMALS.explanation(List.of("ant", "worm", "sparrow")), explaining);
        assertEquals(Concept.ANIMALS.explanation(List.of("fly", "mouse", "butterfly")), scored);
        assertEquals(explaining, PlantedNeuronEvaluation.quotedExplanation(Concept.ANIMALS, r), "the default is the explaining split");
    }

    @Test
    void quoteFromParsesItsTwoNamesAndNamesTheFlagOtherwise() {
        assertEquals(PlantedNeuronEvaluation.QuoteFrom.SCORED, PlantedNeuronEvaluation.QuoteFrom.parse("scored"));
        assertEquals(PlantedNeuronEvaluation.QuoteFrom.EXPLAINING, PlantedNeuronEvaluation.QuoteFrom.parse("explaining"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlantedNeuronEvaluation.QuoteFrom.parse("valid"));
        assertTrue(e.getMessage().contains("--quote-from"), e.getMessage());
    }
}
