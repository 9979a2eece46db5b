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
        return locate(RELATIVE);
    }

    /** A shipped model by its folder under the PromptScope home, e.g. {@code models/voxels}, found as above. */
    public static Path locate(String relative) {
        String home = System.getProperty("promptscope.home");
        if (home != null && Files.isRegularFile(Path.of(home, relative, "config.json"))) {
            return Path.of(home, relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative).resolve("config.json"))) {
                return dir.resolve(relative);
            }
        }
        throw new CheckpointException(Path.of(relative), "the shipped model " + relative + " was not found (looked under the "
                + "promptscope.home property and every folder above " + Path.of("").toAbsolutePath()
                + "); pass a checkpoint folder with --model");
    }
}
