package io.github.promptscope.data.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.TrainingCorpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuningCorpusTest {

    @Test
    void seededUsesThePromptWordsAndNeverAHumanPromptVerbatim() {
        TrainingCorpus.Documents d = TuningCorpus.build(3000, 0);
        assertEquals(3000, d.train().size());
        assertEquals(200, d.validation().size());
        assertEquals(d, TuningCorpus.build(3000, 0));
        assertNotEquals(d.train(), TuningCorpus.build(3000, 1).train());
        String text = String.join("\n", d.train());
        for (String word : List.of("question:", "answer:", "topic:", "summary:", "relation:", "関係:", "正 。", "中間")) {
            assertTrue(text.contains(word), word);
        }
        for (String name : TuningTasks.standInNames()) {
            TuningTask t = TuningTasks.named(name, 0);
            for (String prompt : List.of(t.promptBefore(), t.promptBetween())) {
                assertFalse(text.contains(prompt), name + ": the corpus holds the human prompt \"" + prompt + "\"");
                // every word of the prompt is in the corpus, so the tokenizer makes it a token
                for (String w : prompt.replace(":", "").split(" ")) {
                    assertTrue(text.contains(" " + w + " ") || text.contains(" " + w + ":"), name + ": \"" + w + "\" never in the corpus");
                }
            }
        }
    }

    @Test
    void documentsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TuningCorpus.build(0, 0));
        assertTrue(e.getMessage().contains("--documents"), e.getMessage());
    }
}
