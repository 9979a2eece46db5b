package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Completions as the reference's explainer leaves them (the text after "...does is find"), and what
 * parsing makes of them: the few-shot answers' form " {explanation}." gives back the explanation.
 */
class ExplanationParsingTest {

    @Test
    void theFewShotAnswerFormGivesBackItsExplanation() {
        for (FewShotExample e : FewShotExamples.original()) {
            assertEquals(e.explanation(), ExplanationParsing.parse(" " + e.explanation() + "."));
        }
    }

    @Test
    void aBaseModelsContinuationIsCutAtItsFirstNewline() {
        assertEquals("words related to colors",
                ExplanationParsing.parse(" words related to colors.\n\nNeuron 5\nActivations:\n<start>"));
        assertEquals("", ExplanationParsing.parse("\nNeuron 5"));
    }

    @Test
    void aRepeatedPrefixAndOneFinalPeriodGo() {
        assertEquals("years in the 1990s", ExplanationParsing.parse("the main thing this neuron does is find years in the 1990s. "));
        assertEquals("numbers.", ExplanationParsing.parse(" numbers.."), "one period only, as _remove_final_period");
        assertEquals("e.g. dates", ExplanationParsing.parse("e.g. dates"));
    }
}
