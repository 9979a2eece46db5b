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
        assertEquals("--concept colors: unknown concept; the concepts are numbers, colours, countries, plurals, punctuation",
                e.getMessage());
    }
}
