package io.github.promptscope.experiments;

import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.ptuning.PTuningConfig;
import io.github.promptscope.ptuning.PTuningTrainer;
import io.github.promptscope.ptuning.PromptEncoder;
import io.github.promptscope.ptuning.PromptEncoders;
import io.github.promptscope.ptuning.RunSpec;
import io.github.promptscope.ptuning.TemplateLayout;
import io.github.promptscope.ptuning.TrainingProgress;
import io.github.promptscope.util.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One P-tuning run folder, trained or resumed: what {@code ptuning train} and {@code ptuning experiment}
 * both do. The folder's {@code run.json} fixes the setup; a folder holding another setup is refused.
 */
public final class PTuningRuns {

    /**
     * A run after training.
     *
     * @param spec the run's {@code run.json}
     * @param encoder the encoder with the last epoch's weights (the kept best ones are in the folder)
     * @param untrained the prompt vectors before any training (the encoder's seeded init)
     * @param trainer the trainer, for the kept checkpoint's prompt
     * @param progress where training ended
     */
    public record Trained(RunSpec spec, PromptEncoder encoder, float[][] untrained, PTuningTrainer trainer,
            TrainingProgress progress) {}

    private PTuningRuns() {}

    /**
     * Trains (or resumes) {@code task} under {@code cfg} in {@code out}.
     *
     * @param taskName the registered task's name, or null for a task file
     * @param taskFile the task file as the user gave it, or null
     */
    public static Trained train(LanguageModel lm, TuningTask task, String taskName, String taskFile, long taskSeed,
            PTuningConfig cfg, Path out) throws IOException {
        RunSpec wanted = new RunSpec(taskName, taskFile, taskSeed, task.promptBefore(), task.promptBetween(),
                task.scoredByRouge(), RepoPaths.label(lm.dir()), lm.weightsSha256(), null, cfg);
        RunSpec spec = wanted;
        if (Files.exists(out.resolve(RunSpec.FILE))) {
            spec = RunSpec.read(out);
            if (!spec.sameSetup(wanted)) {
                throw new IllegalArgumentException("--out " + out + " holds a run with other settings (" + RunSpec.FILE
                        + "); give a new --out, or the same options to resume it");
            }
        }
        PromptEncoder enc = PromptEncoders.create(cfg, lm, task.promptBefore(), task.promptBetween(), spec.anchorIds());
        float[][] untrained = RunSpec.promptRows(enc);
        spec = spec.withAnchors(enc.anchorIds());
        Files.createDirectories(out);
        spec.write(out);
        long eos = eos(lm);
        TemplateLayout layout = new TemplateLayout(lm.tokenizer(), cfg, eos, lm.config().maxPositions());
        PTuningScoring scoring = new PTuningScoring(task, lm.tokenizer(), eos);
        PTuningTrainer trainer = new PTuningTrainer(lm.softPrompts(), layout, enc, cfg, task, scoring.scorer(), out);
        TrainingProgress p = trainer.run(cfg.epochs());
        return new Trained(spec, enc, untrained, trainer, p);
    }

    /** The model's end-of-sequence id, which ends every P-tuning answer; its absence names the config file. */
    public static long eos(LanguageModel lm) {
        Integer eos = lm.config().eosTokenId();
        if (eos == null) {
            throw new IllegalArgumentException(lm.dir().resolve("config.json") + ": no eos_token_id; P-tuning ends every "
                    + "answer with the end-of-sequence token");
        }
        return eos;
    }
}
