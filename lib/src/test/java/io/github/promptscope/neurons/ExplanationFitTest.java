package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fitting order on a character-count "tokenizer", where every length is known exactly. */
class ExplanationFitTest {

    /** Five excerpts of 20 tokens "t0".."t19", excerpt i peaking (value 3) at token 4 * i. */
    static List<ActivationRecord> excerpts() {
        List<ActivationRecord> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<String> tokens = new ArrayList<>();
            double[] a = new double[20];
            for (int t = 0; t < 20; t++) {
                tokens.add(" t" + t);
                a[t] = t == 4 * i ? 3.0 : t % 7 == 0 ? 0.5 : 0.0;
            }
            out.add(new ActivationRecord(tokens, a));
        }
        return out;
    }

    private static int chars(String s) {
        return s.length();
    }

    @Test
    void aPromptThatFitsIsTheReferencePromptUnchanged() {
        ExplanationFit fit = new ExplanationFit(PromptStyle.SUMMARY, excerpts(), 1.0, FewShotExamples.original(),
                PromptFormat.NONE);
        String whole = ExplanationPrompts.explanation(PromptStyle.SUMMARY, excerpts(), 1.0, FewShotExamples.original(),
                PromptFormat.NONE).text();
        ExplanationFit.Fitted f = fit.fit(ExplanationFitTest::chars, whole.length());
        assertEquals(whole, f.prompt().text());
        assertEquals(new ExplanationFit.Shape(3, 0, true, 5, 0), f.shape());
        assertEquals(whole.length(), f.promptTokens());
    }

    @Test
    void oneCharacterTooLongDropsTheLastExcerptOfTheFirstFewShotExampleAsTheReferenceDoes() {
        List<FewShotExample> examples = FewShotExamples.original();
        String whole = ExplanationPrompts.explanation(PromptStyle.ORIGINAL, excerpts(), 0, examples, PromptFormat.NONE).text();
        ExplanationFit.Fitted f = new ExplanationFit(PromptStyle.ORIGINAL, excerpts(), 0, examples, PromptFormat.NONE)
                .fit(ExplanationFitTest::chars, whole.length() - 1);
        assertEquals(new ExplanationFit.Shape(3, 1, true, 5, 0), f.shape());
        FewShotExample first = examples.get(0);
        List<FewShotExample> expected = List.of(new FewShotExample(first.records().subList(0, 1), first.explanation(),
                first.firstRevealed().subList(0, 1)), examples.get(1), examples.get(2));
        assertEquals(ExplanationPrompts.explanation(PromptStyle.ORIGINAL, excerpts(), 0, expected, PromptFormat.NONE).text(),
                f.prompt().text());
    }

    @Test
    void aShortContextKeepsTheWidestWindowAroundEachPeakThatFits() {
        List<ActivationRecord> all = excerpts();
        // room for the bare target block of all five excerpts at 10 tokens each, not 11
        int budget = ExplanationPrompts.explanation(PromptStyle.HIGHLIGHT, windows(all, 10), 1.0, List.of(),
                PromptFormat.NONE, false).text().length();
        ExplanationFit.Fitted f = new ExplanationFit(PromptStyle.HIGHLIGHT, all, 1.0, FewShotExamples.original(),
                PromptFormat.NONE).fit(ExplanationFitTest::chars, budget);
        assertEquals(new ExplanationFit.Shape(0, 0, false, 5, 10), f.shape());
        assertEquals(budget, f.promptTokens());
        for (int i = 0; i < 5; i++) {
            ActivationRecord shown = f.excerptsShown().get(i);
            assertEquals(10, shown.size());
            assertEquals(3.0, shown.max(), 0.0, "the peak is kept");
            int start = Integer.parseInt(shown.tokens().get(0).substring(2));
            // centred on the peak at 4i where the excerpt allows: start = clamp(4i - 5, 0, 10)
            assertEquals(Math.max(0, Math.min(4 * i - 5, 10)), start, "excerpt " + i);
        }
        assertEquals(ExplanationPrompts.explanation(PromptStyle.HIGHLIGHT, f.excerptsShown(), 1.0, List.of(),
                PromptFormat.NONE, false).text(), f.prompt().text());
        assertTrue(f.prompt().text().startsWith("\n\nNeuron 1\nActivations:"), "no system message");
    }

    @Test
    void noRoomEvenForOneTokenIsAnErrorNamingMaxTokens() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExplanationFit(
                PromptStyle.SUMMARY, excerpts(), 1.0, FewShotExamples.original(), PromptFormat.NONE)
                .fit(ExplanationFitTest::chars, 20));
        assertTrue(e.getMessage().contains("--max-tokens"), e.getMessage());
    }

    private static List<ActivationRecord> windows(List<ActivationRecord> records, int width) {
        return records.stream().map(r -> ExplanationFit.window(r, width)).toList();
    }
}
