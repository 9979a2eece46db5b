package io.github.promptscope.neurons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.util.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The context a model folder was trained to prompt in, one file per use: {@value #SIMULATOR_FILE} for
 * the all-at-once simulator, {@value #EXPLAINER_FILE} for the explainer (each {@code {"positions": 160}}).
 * The simulator lays its prompt out for that many positions (no system message, the excerpt in chunks
 * of a few dozen lines, as for any short context) and the explainer fits its prompt to it
 * ({@link ExplanationFit}) instead of to the model's own context. A model trained on one layout reads
 * that layout best: {@code train --corpus neurons-short} writes both files, since its documents are
 * short. Folders without a file prompt in all their positions.
 */
public final class PromptContext {

    /** The file in a model folder that names its simulation context. */
    public static final String SIMULATOR_FILE = "simulator.json";

    /** The file in a model folder that names the context its explanation prompts are fitted to. */
    public static final String EXPLAINER_FILE = "explainer.json";

    private PromptContext() {}

    /** The positions to lay {@code file}'s prompt out in for the model in {@code dir}, whose context is {@code modelPositions}. */
    public static int positions(Path dir, String file, int modelPositions) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            return modelPositions;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": not readable JSON", e);
        }
        JsonNode p = root.path("positions");
        if (!p.canConvertToInt() || p.asInt() < 1 || p.asInt() > modelPositions) {
            throw new IllegalArgumentException(path + ": \"positions\" must be a whole number from 1 to the model's "
                    + modelPositions + " positions; got " + p);
        }
        return p.asInt();
    }

    /** Writes {@code file} for the model in {@code dir}: it prompts in {@code positions}, for the reason {@code why}. */
    public static void write(Path dir, String file, int positions, String why) throws IOException {
        ObjectMapper json = new ObjectMapper();
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(
                json.createObjectNode().put("positions", positions).put("note", why));
        AtomicFiles.writeString(dir.resolve(file), text + "\n");
    }
}
