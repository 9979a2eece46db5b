package io.github.promptscope.ptuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.tuning.TuningExample;
import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.data.tuning.TuningTasks;
import io.github.promptscope.lm.SoftSequence;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The layout reads every part after a word boundary, as the P-tuning base model ({@code models/tuning})
 * saw its words: the stand-ins' prompt parts, queries and answers come out as the corpus's spaced
 * whole-word tokens ("Ġquestion"), and a part that already starts with a space is not given another.
 */
class LayoutSpacingTest {

    private static final long EOS = 0;

    @Test
    void standInPartsEncodeAsTheCorpusWroteThem() {
        try (TextTokenizer tok = TextTokenizer.load(Path.of("models/tuning"))) {
            PTuningConfig cfg = PTuningConfig.defaults();
            TemplateLayout layout = new TemplateLayout(tok, cfg, EOS, 256);
            for (String name : TuningTasks.standInNames()) {
                TuningTask t = TuningTasks.named(name, 0);
                long[] anchors = HumanPrompt.ids(tok, t.promptBefore(), t.promptBetween(), 3, 3);
                long[] spaced = LongStream.concat(Arrays.stream(tok.encode(" " + t.promptBefore())),
                        Arrays.stream(tok.encode(" " + t.promptBetween()))).toArray();
                assertArrayEquals(spaced, anchors, name + ": the anchors are the spaced prompt's tokens");
                for (long id : anchors) {
                    assertTrue(tok.piece(id).startsWith("Ġ") || tok.decode(new long[] {id}).startsWith(" ")
                            || isPunctuation(tok.decode(new long[] {id})), name + ": " + tok.piece(id));
                }
                TuningExample ex = t.test().get(0);
                SoftSequence s = layout.scored(ex);
                long[] query = Arrays.copyOfRange(s.ids(), 3, s.firstTarget() - 3);
                assertArrayEquals(tok.encode(" " + ex.query()), query, name + " query");
                long[] answer = tok.encode(" " + ex.answer());
                long[] targets = Arrays.copyOfRange(s.ids(), s.firstTarget(), s.length());
                assertArrayEquals(LongStream.concat(Arrays.stream(answer), LongStream.of(EOS)).toArray(), targets,
                        name + " answer + EOS");
                assertEquals(" " + ex.answer(), tok.decode(answer), name + ": whole words, nothing lost");
            }
        }
    }

    @Test
    void aPartThatStartsWithASpaceOrIsEmptyIsEncodedAsWritten() {
        try (TextTokenizer tok = TextTokenizer.load(Path.of("models/tuning"))) {
            assertArrayEquals(tok.encode(" rome"), TemplateLayout.encodePart(tok, "rome"));
            assertArrayEquals(tok.encode(" rome"), TemplateLayout.encodePart(tok, " rome"));
            assertArrayEquals(tok.encode("\nrome"), TemplateLayout.encodePart(tok, "\nrome"));
            assertEquals(0, TemplateLayout.encodePart(tok, "").length);
            assertEquals(1, TemplateLayout.encodePart(tok, "rome").length, "one whole-word token");
        }
    }

    private static boolean isPunctuation(String s) {
        return s.strip().chars().allMatch(c -> !Character.isLetterOrDigit(c));
    }
}
