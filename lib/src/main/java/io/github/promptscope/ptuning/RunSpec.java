package io.github.promptscope.ptuning;

import io.github.promptscope.util.JsonFiles;
import io.github.promptscope.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code run.json}: what a P-tuning run folder was made from, so {@code ptuning eval} and a restart
 * rebuild the same encoder on the same data. Models are named relative to the checkout and identified
 * by their weights' SHA-256, never by an absolute path.
 *
 * @param task a registered task name, or null for a task file
 * @param taskFile the JSON Lines task file as the user gave it, or null
 * @param taskSeed seed the registered task's splits were drawn with
 * @param promptBefore the human prompt's part before the query
 * @param promptBetween its part between query and answer
 * @param rouge whether a task file's answers are scored by ROUGE
 * @param model the model folder's label ({@code models/default})
 * @param modelSha256 SHA-256 of its weights
 * @param anchorIds the new design's or hard prompt's token ids (null for the original encoder)
 * @param config every training setting
 */
public record RunSpec(String task, String taskFile, long taskSeed, String promptBefore, String promptBetween,
        boolean rouge, String model, String modelSha256, long[] anchorIds, PTuningConfig config) {

    public static final String FILE = "run.json";

    public void write(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve(FILE), TrainingProgress.JSON.writeValueAsString(this));
    }

    /** The run folder's spec; a folder without one is an error naming the flag. */
    public static RunSpec read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--run " + dir + ": no " + FILE + " (not a `ptuning train --out` folder)");
        }
        return JsonFiles.read(TrainingProgress.JSON, file, RunSpec.class);
    }

    /** The same run except for its anchors (fixed when the encoder is first built). */
    public RunSpec withAnchors(long[] ids) {
        return new RunSpec(task, taskFile, taskSeed, promptBefore, promptBetween, rouge, model, modelSha256, ids, config);
    }

    /** Whether {@code other} describes the same run (ignoring anchors, which the first build fixes). */
    public boolean sameSetup(RunSpec other) {
        return Objects.equals(task, other.task) && Objects.equals(taskFile, other.taskFile)
                && taskSeed == other.taskSeed && Objects.equals(promptBefore, other.promptBefore)
                && Objects.equals(promptBetween, other.promptBetween) && rouge == other.rouge
                && Objects.equals(modelSha256, other.modelSha256) && config.equals(other.config);
    }

    /** The run's kept encoder weights ({@code encoder.bin}) into {@code encoder}; nothing to load for the hard prompt. */
    public static void loadBest(Path dir, PromptEncoder encoder) throws IOException {
        if (encoder.parameters().isEmpty()) {
            return;
        }
        Path file = dir.resolve(PTuningTrainer.BEST);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--run " + dir + ": no " + PTuningTrainer.BEST
                    + " yet (training has not finished its first epoch)");
        }
        EncoderFiles.load(file, encoder.parameters());
    }

    /** The prompt vectors an encoder produces now, as the LM takes them. */
    public static float[][] promptRows(PromptEncoder encoder) {
        return PTuningTrainer.toFloat(encoder.forward());
    }
}
