package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped puzzles load and are well-formed; OpenAI's layout reads; bad files are named precisely. */
class NeuronPuzzlesTest {

    @Test
    void everyShippedPuzzleLoadsWithSentencesActivationsAndFalseExplanations() {
        List<NeuronPuzzle> puzzles = NeuronPuzzles.shipped();
        assertEquals(23, puzzles.size());
        Set<String> names = new HashSet<>();
        int tokens = 0;
        for (NeuronPuzzle p : puzzles) {
            assertTrue(names.add(p.name()), "duplicate " + p.name());
            assertFalse(p.explanation().isBlank(), p.name());
            assertEquals(3, p.falseExplanations().size(), p.name());
            assertFalse(p.falseExplanations().contains(p.explanation()), p.name());
            assertEquals(6, p.records().size(), p.name());
            boolean quiet = false;
            for (ActivationRecord r : p.records()) {
                String text = String.join("", r.tokens());
                assertFalse(text.contains("  ") || text.startsWith(" "), p.name() + ": " + text);
                for (int t = 0; t < r.size(); t++) {
                    assertFalse(r.tokens().get(t).isEmpty(), p.name());
                    assertTrue(r.activation(t) >= 0 && r.activation(t) <= 10, p.name() + ": " + r.activation(t));
                }
                quiet |= r.max() == 0;
                tokens += r.size();
            }
            assertTrue(quiet, p.name() + " has a sentence where the neuron stays at 0");
            assertTrue(Normalization.maxActivation(p.records()) >= 9, p.name());
        }
        assertEquals(1242, tokens, "tokens over all puzzles");
        NeuronPuzzle colours = puzzles.get(0);
        assertEquals("colours", colours.name());
        assertEquals("words for colours", colours.explanation());
        ActivationRecord first = colours.records().get(0);
        assertEquals(List.of("She", " painted", " the", " door", " red", " and", " the", " window", " frames", " white", "."),
                first.tokens());
        assertArrayEquals(new double[] {0, 0, 0, 0, 9, 0, 0, 0, 0, 9, 0}, first.activations());
    }

    @Test
    void openAisLayoutReadsTokensAndActivations() {
        String json = "{\"shout\": {\"name\": \"shout\", \"explanation\": \"loud words\", \"sentences\": ["
                + "[\"A\", [\" BANG\", 9.5], \"!\"], [\"quiet\"]], \"false_explanations\": [\"nouns\"]}}";
        NeuronPuzzle p = NeuronPuzzles.parse(json, "mine.json").get(0);
        assertEquals(List.of("A", " BANG", "!"), p.records().get(0).tokens());
        assertArrayEquals(new double[] {0, 9.5, 0}, p.records().get(0).activations());
        assertArrayEquals(new double[] {0}, p.records().get(1).activations());
        assertEquals(List.of("nouns"), p.falseExplanations());
    }

    @Test
    void errorsNameTheFileThePuzzleTheSentenceAndTheToken() {
        String badToken = "{\"p\": {\"name\": \"p\", \"explanation\": \"x\", \"sentences\": [[\"a\"], [\"b\", [\" c\"]]],"
                + " \"false_explanations\": []}}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeuronPuzzles.parse(badToken, "mine.json"));
        assertEquals("mine.json: puzzle \"p\", sentence 1, token 1: expected a string or [string, number], got [\" c\"]",
                e.getMessage());
        String missing = "{\"p\": {\"name\": \"p\", \"sentences\": [[\"a\"]], \"false_explanations\": []}}";
        assertEquals("mine.json: puzzle \"p\": field \"explanation\" missing",
                assertThrows(IllegalArgumentException.class, () -> NeuronPuzzles.parse(missing, "mine.json")).getMessage());
        String notObject = assertThrows(IllegalArgumentException.class, () -> NeuronPuzzles.parse("[1]", "mine.json"))
                .getMessage();
        assertTrue(notObject.startsWith("mine.json: expected an object"), notObject);
    }
}
