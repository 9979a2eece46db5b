package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.FieldLimits;
import io.github.promptscope.data.PromptLayout;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Long inputs (issue #18, item 2): a search refuses a field over {@link FieldLimits#MAX_CHARS},
 * naming it, before anything tokenizes it; below the limit each input is tokenized once and kept as
 * the tail a scored sequence can hold, the same ids the full tokenization cut from the left gives.
 */
class LongInputsTest {

    private static final String ROW = "Given the input numbers 3 and 4, the answer is";

    @Test
    void aFieldOverTheLimitIsNamedWithItsLengthAndTheLimit() {
        String huge = "x".repeat(5_000_000);
        List<String> ins = List.of(ROW, huge, ROW);
        List<String> outs = List.of(" 7", " 7", " 7");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataRows.build(ins, outs, 3, true, 1000, new Random(1)));
        assertEquals("inputs[1] has 5,000,000 characters, more than the 100,000 a search takes (it scores at most 128"
                + " tokens of a row, the input cut from the left); shorten it to the part that matters", e.getMessage());
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> DataRows.build(List.of(ROW), List.of("y".repeat(FieldLimits.MAX_CHARS + 1)), 1, true, 10, new Random(1)));
        assertTrue(out.getMessage().startsWith("outputs[0] has 100,001 characters"), out.getMessage());
        // the limit itself is allowed
        DataRows.build(List.of("x".repeat(FieldLimits.MAX_CHARS)), List.of(" 7"), 1, true, 10, new Random(1));
    }

    /** A thousand three-shot rows over three examples share the examples' strings instead of copying them. */
    @Test
    void rowsShareTheirExamplesStrings() {
        List<String> ins = List.of(ROW + " 1", ROW + " 2", ROW + " 3");
        DataRows rows = DataRows.build(ins, List.of(" 7", " 8", " 9"), 3, true, 1000, new Random(1));
        assertEquals(1000, rows.rows().size());
        for (DataRows.Row r : rows.rows()) {
            assertSame(ins.get(ins.indexOf(r.input())), r.input(), "single-shot loss: the example's own string");
            assertEquals(3, r.shots().size());
            assertEquals(String.join("\n\n", r.shots()), r.text());
        }
    }

    @Test
    void aLongInputIsScoredOnTheTailOfItsFullTokenization() {
        LanguageModel lm = SearchTestModels.defaultModel();
        TextTokenizer tok = lm.tokenizer();
        String input = "Given the numbers 3 and 4 and 5, ".repeat(1500) + ROW; // ~50,000 characters
        DataRows.Row row = new DataRows.Row(input, " 7", input + " 7.");
        IPromptConfig cfg = IPromptConfig.quick();
        CandidateScorer scorer = new CandidateScorer(lm, cfg, List.of(" 7"));
        long[] full = tok.encode(PromptLayout.BEFORE_INPUT + input);
        long[] y = tok.encode(" 7");
        assertTrue(full.length > 10_000, "long enough to matter: " + full.length);
        for (int promptLength : new int[] {6, 1, 20}) {
            int room = cfg.maxLength() - promptLength - y.length;
            assertArrayEquals(Arrays.copyOfRange(full, full.length - room, full.length), scorer.context(row, promptLength));
        }
        assertArrayEquals(y, scorer.target(row));
        // and a scoring step over it costs one tokenization: the score of a 6-token prompt is the full sequence's
        long[] prompt = tok.encode(" Add the two numbers together");
        double loss = scorer.score(List.of(prompt), List.of(row)).get(0).loss();
        long[] ctx = scorer.context(row, prompt.length);
        long[] prefix = io.github.promptscope.lm.tokenizer.TokenIds.concat(prompt, ctx);
        double expected = -lm.scoreTokens(List.of(prefix), List.of(y), null).get(0).sum() / y.length;
        assertEquals(expected, loss, 1e-5);
        assertEquals(cfg.maxLength(), prefix.length + y.length, "the scored sequence is full");
    }
}
