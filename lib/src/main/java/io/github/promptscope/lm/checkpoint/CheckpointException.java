package io.github.promptscope.lm.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint folder that cannot be turned into a model. The message always names the file and
 * the field or tensor at fault, because "shape mismatch" alone sends a user hunting through
 * gigabytes of weights.
 */
public final class CheckpointException extends RuntimeException {

    public CheckpointException(Path file, String message) {
        super(file + ": " + message);
    }

    public CheckpointException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
