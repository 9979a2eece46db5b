package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationMatchTest {

    @Test
    void exactMatchIgnoresCaseSpacingAndAFinalPeriod() {
        assertTrue(ExplanationMatch.exact("  Words for   colours.", "words for colours"));
        assertFalse(ExplanationMatch.exact("words for colour", "words for colours"));
    }

    @Test
    void keywordRecallCountsTheTruthsContentWordsFound() {
        assertEquals(List.of("numbers", "written", "out"), ExplanationMatch.keywords("numbers written out as words"));
        assertEquals(2.0 / 3, ExplanationMatch.keywordRecall("numbers written with digits", "numbers written out as words"),
                1e-12);
        assertEquals(1.0, ExplanationMatch.keywordRecall("colors", "words for colours"), 0.0);
        assertEquals(0.5, ExplanationMatch.keywordRecall("a country", "names of countries"), 0.0);
        assertEquals(0.0, ExplanationMatch.keywordRecall("adjectives in general", "words for colours"), 0.0);
        assertEquals(0.5, ExplanationMatch.keywordRecall("names of animals", "names of countries"), 0.0);
    }
}
