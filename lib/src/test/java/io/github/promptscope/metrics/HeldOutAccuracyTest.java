package io.github.promptscope.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.metrics.HeldOutAccuracy.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Held-out prompt accuracy on the shipped default model: known answers and the masked scorer's ids. */
class HeldOutAccuracyTest {

    private static final LanguageModel lm = MetricsTestModels.defaultModel();

    @Test
    void theTrueDescriptionBeatsNoPromptAndAWrongOne() {
        List<Example> test = MetricsTestModels.addTwoHeldOut();
        assertEquals(25, test.size());
        double truth = HeldOutAccuracy.containment(lm, " Return the sum of the inputs", test, Placement.BEFORE_INPUT, 7)
                .accuracy();
        double none = HeldOutAccuracy.containment(lm, "", test, Placement.BEFORE_INPUT, 7).accuracy();
        double wrong = HeldOutAccuracy.containment(lm, " Return the product of the inputs", test,
                Placement.BEFORE_INPUT, 7).accuracy();
        // measured on models/default: 0.64 with the truth, 0.12 without a prompt, lower with another task's
        assertTrue(truth >= none + 0.3, "truth " + truth + " vs none " + none);
        assertTrue(truth > wrong, "truth " + truth + " vs wrong " + wrong);
    }

    @Test
    void oneNewTokenCanNeverContainATwoTokenAnswer() {
        // the default model writes " 16" as " " then "16": a single generated token is at best " "
        List<Example> test = MetricsTestModels.addTwoHeldOut();
        HeldOutAccuracy.Result r = HeldOutAccuracy.containment(lm, " Return the sum of the inputs", test,
                Placement.BEFORE_INPUT, 1);
        assertEquals(0.0, r.accuracy());
        r.rows().forEach(row -> assertEquals(" ", row.produced()));
    }

    @Test
    void containmentIsSubstringOfTheStrippedAnswer() {
        assertTrue(HeldOutAccuracy.contains(" 16.\n\nGiven the", " 16.\n\n"));
        assertTrue(HeldOutAccuracy.contains(" -2 is it", " -2.\n\n"));
        assertTrue(HeldOutAccuracy.contains(" 2/4.", " 2/4.\n\n"));
        assertFalse(HeldOutAccuracy.contains(" 1 and 6", " 16.\n\n"));
    }

    @Test
    void batchedGenerationEqualsOneAtATime() {
        List<Example> test = MetricsTestModels.addTwoHeldOut().subList(0, 3);
        HeldOutAccuracy.Result all = HeldOutAccuracy.containment(lm, " Add the two numbers", test, Placement.BEFORE_INPUT, 7);
        for (int i = 0; i < test.size(); i++) {
            HeldOutAccuracy.Result one = HeldOutAccuracy.containment(lm, " Add the two numbers", test.subList(i, i + 1),
                    Placement.BEFORE_INPUT, 7);
            assertEquals(one.rows().get(0).produced(), all.rows().get(i).produced(), "row " + i);
        }
    }

    @Test
    void maskedScoringChoosesAmongTheAnswersFirstTokens() {
        List<Example> test = Datasets.get("sentiment_words", 1, 40).test();
        long[] allowed = HeldOutAccuracy.answerFirstTokens(lm, test);
        long pos = lm.tokenizer().encode(" positive")[0];
        long neg = lm.tokenizer().encode(" negative")[0];
        assertEquals(2, allowed.length);
        assertEquals(java.util.Set.of(pos, neg), java.util.Set.of(allowed[0], allowed[1]));
        String prompt = " Is this review positive or negative?";
        HeldOutAccuracy.Result r = HeldOutAccuracy.masked(lm, prompt, test, Placement.AFTER_INPUT);
        assertEquals(2, r.choices());
        for (int i = 0; i < test.size(); i++) {
            long[] prefix = HeldOutAccuracy.prefix(lm, prompt, test.get(i).input(), Placement.AFTER_INPUT, 1);
            float[] next = lm.nextTokenLogProbs(prefix)[prefix.length - 1];
            String chosen = next[(int) pos] > next[(int) neg] ? " positive" : " negative";
            assertEquals(chosen.equals(" " + test.get(i).answer()), r.rows().get(i).correct(), "row " + i);
        }
    }

    @Test
    void promptsAreLaidOutAsTheSearchLaidThemOut() {
        String x = "Given the input numbers 2 and 4, the answer is";
        var tok = lm.tokenizer();
        assertArrayEquals(io.github.promptscope.lm.tokenizer.TokenIds.concat(tok.encode(" Add"), tok.encode(". " + x)),
                HeldOutAccuracy.prefix(lm, " Add", x, Placement.BEFORE_INPUT, 7));
        assertArrayEquals(io.github.promptscope.lm.tokenizer.TokenIds.concat(tok.encode(x), tok.encode(" Add")),
                HeldOutAccuracy.prefix(lm, " Add", x, Placement.AFTER_INPUT, 7));
        assertArrayEquals(tok.encode(x), HeldOutAccuracy.prefix(lm, "", x, Placement.BEFORE_INPUT, 7));
    }

    @Test
    void everyMathAnswerStartsWithTheSameTokenSoMaskedHasOneChoice() {
        List<Example> test = MetricsTestModels.addTwoHeldOut();
        HeldOutAccuracy.Result r = HeldOutAccuracy.masked(lm, "", test, Placement.BEFORE_INPUT);
        assertEquals(1, r.choices());
        assertArrayEquals(lm.tokenizer().encode(" "), HeldOutAccuracy.answerFirstTokens(lm, test));
        assertEquals(1.0, r.accuracy());
    }
}
