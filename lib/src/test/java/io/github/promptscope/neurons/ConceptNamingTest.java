package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConceptNamingTest {

    @Test
    void aWordForTheConceptInAnySpellingNamesIt() {
        assertTrue(ConceptNaming.names("words related to colors", Concept.COLOURS));
        assertTrue(ConceptNaming.names("colour words", Concept.COLOURS));
        assertTrue(ConceptNaming.names("digits in dates", Concept.NUMBERS));
        assertTrue(ConceptNaming.names("names of countries", Concept.COUNTRIES));
        assertFalse(ConceptNaming.names("names of people", Concept.COUNTRIES));
        assertFalse(ConceptNaming.names("Answer: new", Concept.COLOURS));
    }

    @Test
    void quotingOnlyMembersNamesItAndOneOutsiderDoesNot() {
        assertTrue(ConceptNaming.names("the tokens 'red', 'black'", Concept.COLOURS));
        assertFalse(ConceptNaming.names("the tokens 'blue', 'week'", Concept.COLOURS));
        assertTrue(ConceptNaming.names("the tokens '4', '12'", Concept.NUMBERS));
        assertFalse(ConceptNaming.names("the tokens 'red'", Concept.NUMBERS));
        assertFalse(ConceptNaming.names("red and blue", Concept.COLOURS), "unquoted members are not a list of members");
    }

    @Test
    void aHeldOutConceptIsNamedByItsHeadNounNotByNamesOrWords() {
        // evaluate-model counted "names of countries" as naming currencies ("currency names" shares "names")
        assertFalse(ConceptNaming.namesByWord("names of countries: 'Malaysia'", Concept.CURRENCIES));
        assertTrue(ConceptNaming.namesByWord("currency names: 'rial'", Concept.CURRENCIES));
        assertFalse(ConceptNaming.namesByWord("food words: 'lemon'", Concept.NUMBER_WORDS));
        assertTrue(ConceptNaming.namesByWord("numbers and digits", Concept.NUMBER_WORDS));
        assertTrue(ConceptNaming.namesByWord("animal names: 'cat'", Concept.ANIMALS));
        assertFalse(ConceptNaming.namesByWord("punctuation", Concept.PLURALS), "a word naming another concept does not name this one");
    }
}
