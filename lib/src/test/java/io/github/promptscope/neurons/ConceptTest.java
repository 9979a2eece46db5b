package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which tokens belong to each planted concept, and how a concept is named on the command line. */
class ConceptTest {

    @Test
    void tokensMatchWithoutTheirSpaceAndCase() {
        assertTrue(Concept.COLOURS.matches(" red"));
        assertTrue(Concept.COLOURS.matches("Grey"));
        assertFalse(Concept.COLOURS.matches(" reddish"));
        assertFalse(Concept.COLOURS.matches(" "));
        assertTrue(Concept.NUMBERS.matches(" 7"));
        assertTrue(Concept.NUMBERS.matches("2024"));
        assertFalse(Concept.NUMBERS.matches("4a"));
        assertFalse(Concept.NUMBERS.matches(" four"));
        assertTrue(Concept.PUNCTUATION.matches(")."));
        assertTrue(Concept.PUNCTUATION.matches(" ,"));
        assertFalse(Concept.PUNCTUATION.matches("a."));
        assertFalse(Concept.PUNCTUATION.matches("\n\n"));
        assertTrue(Concept.COUNTRIES.matches(" Arabia"), "each word of 'Saudi Arabia' is a country token");
        assertTrue(Concept.COUNTRIES.matches(" France"));
        assertTrue(Concept.PLURALS.matches(" stories"));
        assertFalse(Concept.PLURALS.matches(" story"));
    }

    @Test
    void membersComeFromTheirWordLists() {
        assertEquals(24, Concept.COLOURS.members().size()); // data_utils/colours.tsv
        assertEquals(10, Concept.NUMBERS.members().size());
        assertTrue(Concept.COUNTRIES.members().contains("Zealand"));
        assertEquals("colour words: 'red', 'blue'", Concept.COLOURS.explanation().substring(0, 27));
        assertTrue(Concept.PUNCTUATION.explanation().endsWith("'\"', \"'\""), Concept.PUNCTUATION.explanation());
    }

    @Test
    void parseNamesTheFlagAndTheChoices() {
        assertEquals(Concept.PLURALS, Concept.parse(" Plurals"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Concept.parse("colors"));
        assertTrue(e.getMessage().startsWith("--concept colors: unknown concept; the concepts are numbers, colours, "
                + "countries, plurals, punctuation, animals, number-words,"), e.getMessage());
        assertEquals(Concept.NUMBER_WORDS, Concept.parse("number-words"));
    }

    @Test
    void theAddedConceptsReadTheirWordLists() {
        assertTrue(Concept.ANIMALS.matches(" giraffe"));
        assertFalse(Concept.ANIMALS.matches(" chair"));
        assertTrue(Concept.NUMBER_WORDS.matches(" seventeen"));
        assertFalse(Concept.NUMBER_WORDS.matches(" 17"));
        assertTrue(Concept.CURRENCIES.matches(" euro"));
        assertTrue(Concept.GERMAN.matches(" Haus"));
        assertTrue(Concept.POSITIVE.matches(" wonderful"));
        assertFalse(Concept.POSITIVE.matches(" awful"));
        assertTrue(Concept.HOUSEHOLD.matches(" kettle"));
        assertEquals(29, Concept.NUMBER_WORDS.members().size()); // data_utils/neuron_concepts.tsv
        assertEquals("animal names: 'dog', 'cat'", Concept.ANIMALS.explanation(java.util.List.of("dog", "cat")));
        assertEquals("animal names", Concept.ANIMALS.explanation(java.util.List.of()));
    }
}
