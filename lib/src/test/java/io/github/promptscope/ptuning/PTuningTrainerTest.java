package io.github.promptscope.ptuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.util.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny P-tuning runs on the shipped default model: the dev loss falls, and a restart lands where the straight run does. */
class PTuningTrainerTest {

    static final String BEFORE = "question :";
    static final String BETWEEN = " answer :";

    private static LanguageModel model;
    private static Progress.Off quiet;

    @BeforeAll
    static void load() {
        model = TinyTasks.model();
        quiet = Progress.off();
    }

    @AfterAll
    static void close() {
        quiet.close();
    }

    private static PTuningConfig tiny(PTuningConfig.Design design, int epochs, double lr) {
        return PTuningConfig.defaults().withDesign(design, PTuningConfig.Init.TEMPLATE, true, 1)
                .withTraining(lr, 4, epochs, 7);
    }

    private static PTuningTrainer trainer(PTuningConfig cfg, TuningTask task, Path dir) {
        PromptEncoder enc = PromptEncoders.create(cfg, model, task.promptBefore(), task.promptBetween(), null);
        TemplateLayout layout = new TemplateLayout(model.tokenizer(), cfg, model.config().eosTokenId(),
                model.config().maxPositions());
        return new PTuningTrainer(model.softPrompts(), layout, enc, cfg, task, TinyTasks.scorer(), dir);
    }

    @Test
    void aTinyRunLowersTheDevLoss(@TempDir Path dir) throws Exception {
        PTuningConfig cfg = tiny(PTuningConfig.Design.ORIGINAL, 6, 3e-3);
        TrainingProgress p = trainer(cfg, TinyTasks.colours(BEFORE, BETWEEN), dir).run(cfg.epochs());
        List<EpochLog> log = p.log();
        assertEquals(6, log.size());
        double first = log.get(0).devLoss();
        double last = log.get(log.size() - 1).devLoss();
        System.out.printf("dev loss %.4f -> %.4f over %d epochs; log %s%n", first, last, log.size(), log);
        assertTrue(last < first - 0.5, "dev loss " + first + " -> " + last);
        assertTrue(p.finished());
        assertTrue(Files.exists(dir.resolve(PTuningTrainer.BEST)));
    }

    @Test
    void aRestartContinuesToTheSameResult(@TempDir Path straight, @TempDir Path resumed) throws Exception {
        PTuningConfig cfg = tiny(PTuningConfig.Design.NEW, 3, 1e-3).withDesign(PTuningConfig.Design.NEW,
                PTuningConfig.Init.RANDOM, true, 2);
        TuningTask task = TinyTasks.colours(BEFORE, BETWEEN);
        TrainingProgress a = trainer(cfg, task, straight).run(cfg.epochs());
        TrainingProgress firstPart = trainer(cfg, task, resumed).run(1);
        assertEquals(1, firstPart.nextEpoch());
        TrainingProgress b = trainer(cfg, task, resumed).run(cfg.epochs());
        assertEquals(a, b);
        assertArrayEquals(Files.readAllBytes(straight.resolve(PTuningTrainer.STATE)),
                Files.readAllBytes(resumed.resolve(PTuningTrainer.STATE)));
        assertArrayEquals(Files.readAllBytes(straight.resolve(PTuningTrainer.BEST)),
                Files.readAllBytes(resumed.resolve(PTuningTrainer.BEST)));
    }
}
