package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The word-matching simulator: which terms an explanation names, and the 0 / 10 predictions they give. */
class LexicalMatchSimulatorTest {

    @Test
    void quotedTermsWhenTheExplanationQuotesAnyElseEveryWord() {
        assertEquals(Set.of("red", "blue"), LexicalMatchSimulator.terms("the tokens 'red', 'Blue'"));
        assertEquals(Set.of(".", ",", "'"), LexicalMatchSimulator.terms("marks: '.', ',', \"'\""));
        assertEquals(Set.of("words", "related", "to", "colours"), LexicalMatchSimulator.terms("words related to colours."));
        // an apostrophe inside a word opens no quotation
        assertEquals(Set.of("the", "country", "s", "name"), LexicalMatchSimulator.terms("the country's name"));
    }

    @Test
    void predictsTenOnNamedTokensAndZeroElsewhere() {
        List<String> tokens = List.of("The", " red", " car", " is", " Blue", ".");
        Simulation s = new LexicalMatchSimulator().simulate("colour words: 'red', 'blue'", List.of(tokens)).get(0);
        assertArrayEquals(new double[] {0, 10, 0, 0, 10, 0}, s.expectedValues(), 0.0);
        assertEquals(1.0, s.probabilities()[1][10], 0.0);
        assertEquals(1.0, s.probabilities()[0][0], 0.0);
    }
}
