package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.data.tuning.TuningTasks;
import io.github.promptscope.lm.LanguageModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped P-tuning base model on toy-nli's first 40 test rows (all 200 are in
 * results/tuning-model/evaluation.json; 40 keep the test short).
 */
class TuningModelCheckTest {

    @Test
    void theHumanPromptBeatsNoPromptOnToyNli() {
        try (LanguageModel lm = LanguageModel.load(Path.of("models/tuning"))) {
            TuningTask t = TuningTasks.named("toy-nli", 0);
            TuningModelCheck.TaskRow r = TuningModelCheck.check(lm, new TuningTask(t.name(), t.train(), t.dev(),
                    t.test().subList(0, 40), t.promptBefore(), t.promptBetween(), false, false));
            assertEquals(3, r.beforeTokens());
            assertEquals(3, r.betweenTokens());
            // 40 rows, 98 label positions (answers of 1-2 tokens, then EOS): 75 right with the prompt, 18 without
            assertEquals(75 / 98.0, r.promptTokenAccuracy(), 1e-9);
            assertEquals(18 / 40.0, r.promptExactMatch(), 1e-9);
            assertEquals(18 / 98.0, r.bareTokenAccuracy(), 1e-9);
            assertEquals(0.0, r.bareExactMatch(), 1e-9);
            assertEquals(0.5163, r.promptAnswerLoss(), 1e-3);
            assertTrue(r.promptAnswerLoss() < r.bareAnswerLoss());
            assertTrue(Double.isNaN(r.promptRougeL()), "toy-nli is scored by exact match");
        }
    }
}
