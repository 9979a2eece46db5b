package io.github.promptscope.neurons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.util.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The context a model folder was trained to simulate in, from its {@value #MODEL_FILE}
 * ({@code {"positions": 160}}): the all-at-once simulator lays its prompt out for that many positions
 * (no system message, the excerpt in chunks of a few dozen lines, as for any short context) instead of
 * the model's own. A model trained on one layout simulates in that layout: {@code train --corpus
 * neurons-short} writes the file, since its documents have no room for the system message. Folders
 * without the file simulate in all their positions.
 */
public final class SimulationContext {

    /** The file in a model folder that names its simulation context. */
    public static final String MODEL_FILE = "simulator.json";

    private SimulationContext() {}

    /** The positions to lay the simulation prompt out in for the model in {@code dir}, whose context is {@code modelPositions}. */
    public static int positions(Path dir, int modelPositions) {
        Path file = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(file)) {
            return modelPositions;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not readable JSON", e);
        }
        JsonNode p = root.path("positions");
        if (!p.canConvertToInt() || p.asInt() < 1 || p.asInt() > modelPositions) {
            throw new IllegalArgumentException(file + ": \"positions\" must be a whole number from 1 to the model's "
                    + modelPositions + " positions; got " + p);
        }
        return p.asInt();
    }

    /** Writes {@value #MODEL_FILE} for the model in {@code dir}: it simulates in {@code positions}, for the reason {@code why}. */
    public static void write(Path dir, int positions, String why) throws IOException {
        ObjectMapper json = new ObjectMapper();
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(
                json.createObjectNode().put("positions", positions).put("note", why));
        AtomicFiles.writeString(dir.resolve(MODEL_FILE), text + "\n");
    }
}
