package io.github.promptscope.data.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins under the shipped base model's tokenizer ({@code models/tuning}): each human prompt
 * part is exactly 3 tokens (p = q = 3 for the new design's anchors), queries fit in 64 tokens and
 * answers in 8, all space-prefixed as the corpus writes words.
 */
class ToyPromptTokensTest {

    @Test
    void promptsAreThreePlusThreeTokensAndRowsFitTheLimits() {
        try (TextTokenizer tok = TextTokenizer.load(Path.of("models/tuning"))) {
            for (String name : TuningTasks.standInNames()) {
                TuningTask t = TuningTasks.named(name, 0);
                assertEquals(3, tok.encode(" " + t.promptBefore()).length, name + ": " + t.promptBefore());
                assertEquals(3, tok.encode(" " + t.promptBetween()).length, name + ": " + t.promptBetween());
                List<TuningExample> rows = new ArrayList<>(t.train());
                rows.addAll(t.dev());
                rows.addAll(t.test());
                for (TuningExample e : rows) {
                    assertTrue(tok.encode(" " + e.query()).length <= 64, name + " query: " + e.query());
                    assertTrue(tok.encode(" " + e.answer()).length <= 8, name + " answer: " + e.answer());
                }
            }
        }
    }
}
