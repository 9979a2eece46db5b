package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.tuning.TuningTasks;
import io.github.promptscope.lm.LanguageModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped P-tuning base model on toy-nli: the values committed in results/tuning-model/evaluation.json. */
class TuningModelCheckTest {

    @Test
    void theHumanPromptBeatsNoPromptOnToyNli() {
        try (LanguageModel lm = LanguageModel.load(Path.of("models/tuning"))) {
            TuningModelCheck.TaskRow r = TuningModelCheck.check(lm, TuningTasks.named("toy-nli", 0));
            assertEquals(3, r.beforeTokens());
            assertEquals(3, r.betweenTokens());
            // 200 test rows; 473 label positions (answers of 1-2 tokens, then EOS): 330 right with the prompt
            assertEquals(0.6976744186046512, r.promptTokenAccuracy(), 1e-9);
            assertEquals(0.35, r.promptExactMatch(), 1e-9);
            assertEquals(0.1543340380549683, r.bareTokenAccuracy(), 1e-9);
            assertEquals(0.0, r.bareExactMatch(), 1e-9);
            assertEquals(0.5494, r.promptAnswerLoss(), 1e-3);
            assertTrue(r.promptAnswerLoss() < r.bareAnswerLoss());
            assertTrue(Double.isNaN(r.promptRougeL()), "toy-nli is scored by exact match");
        }
    }
}
