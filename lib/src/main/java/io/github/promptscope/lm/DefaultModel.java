package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.CheckpointException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the model PromptScope ships lives: {@code models/default} under the PromptScope home (the
 * launcher and kernel set {@code promptscope.home}), or in the first folder up from the working
 * directory that has it, so notebooks and tests find it without configuration.
 */
public final class DefaultModel {

    public static final String RELATIVE = "models/default";

    private DefaultModel() {}

    public static Path locate() {
        String home = System.getProperty("promptscope.home");
        if (home != null && Files.isRegularFile(Path.of(home, RELATIVE, "config.json"))) {
            return Path.of(home, RELATIVE);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(RELATIVE).resolve("config.json"))) {
                return dir.resolve(RELATIVE);
            }
        }
        throw new CheckpointException(Path.of(RELATIVE), "the default model was not found (looked under the "
                + "promptscope.home property and every folder above " + Path.of("").toAbsolutePath()
                + "); pass a checkpoint folder with --model");
    }
}
