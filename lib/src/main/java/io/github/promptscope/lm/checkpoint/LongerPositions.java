package io.github.promptscope.lm.checkpoint;

import io.github.promptscope.util.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Copies a GPT-2 checkpoint with a longer learned position table, so a model trained on short
 * sequences can be trained further on longer ones (the neurons model: the simulator's prompt does not
 * fit in the default model's 256 positions). The new rows repeat the learned table from its start
 * (row p gets row p mod old), as Longformer initialised its longer table: the model's outputs on the
 * first {@code old} positions are unchanged, and the later rows start from embeddings it already reads
 * rather than from noise.
 */
public final class LongerPositions {

    private static final String TABLE = "wpe.weight";

    private LongerPositions() {}

    /** Writes {@code source} to {@code target} with {@code positions} positions; returns the old count. */
    public static int write(Path source, Path target, int positions) throws IOException {
        ModelConfig config = ModelConfig.read(source);
        if (config.architecture() != ModelConfig.Architecture.GPT2) {
            throw new CheckpointException(config.file(), "only a GPT-2 checkpoint has a learned position table to extend");
        }
        int old = config.maxPositions();
        if (positions < old) {
            throw new IllegalArgumentException("--positions " + positions + " is fewer than the " + old + " the model "
                    + source + " already has");
        }
        Map<String, SafetensorsWriter.Tensor> tensors = SafetensorsWriter.ordered();
        boolean found = false;
        for (Path file : new CheckpointWeights(source).files()) {
            SafetensorsFile f = new SafetensorsFile(file);
            for (SafetensorsFile.Entry e : f.entries().values()) {
                float[] values = f.readFloats(e);
                if (e.name().endsWith(TABLE)) {
                    found = true;
                    int d = (int) e.shape()[1];
                    float[] longer = new float[positions * d];
                    for (int p = 0; p < positions; p++) {
                        System.arraycopy(values, (p % old) * d, longer, p * d, d);
                    }
                    tensors.put(e.name(), new SafetensorsWriter.Tensor(longer, new long[] {positions, d}));
                } else {
                    tensors.put(e.name(), new SafetensorsWriter.Tensor(values, e.shape()));
                }
            }
        }
        if (!found) {
            throw new CheckpointException(config.file(), "no tensor named *" + TABLE + " in the weights");
        }
        Files.createDirectories(target);
        SafetensorsWriter.write(target.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode c = (ObjectNode) json.readTree(config.file().toFile());
        c.put("n_positions", positions);
        if (c.has("n_ctx")) {
            c.put("n_ctx", positions);
        }
        AtomicFiles.writeString(target.resolve("config.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(c));
        for (String side : CheckpointSaver.SIDE_FILES) {
            Path from = source.resolve(side);
            if (!Files.isRegularFile(from)) {
                continue;
            }
            if (side.equals("tokenizer_config.json")) {
                ObjectNode t = (ObjectNode) json.readTree(from.toFile());
                if (t.has("model_max_length")) {
                    t.put("model_max_length", positions);
                }
                AtomicFiles.writeString(target.resolve(side), json.writerWithDefaultPrettyPrinter().writeValueAsString(t));
            } else {
                AtomicFiles.copy(from, target.resolve(side));
            }
        }
        return old;
    }
}
