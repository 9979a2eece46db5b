package io.github.promptscope.lm.checkpoint;

import io.github.promptscope.util.AtomicFiles;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Saves a model in Hugging Face layout ({@code config.json}, {@code model.safetensors} with the
 * LM-head model's key prefix, tokenizer files), so {@code AutoModelForCausalLM.from_pretrained}
 * loads it as it is.
 */
public final class CheckpointSaver {

    /** Files a checkpoint folder carries beside its weights and config, copied as they are. */
    static final List<String> SIDE_FILES = List.of(
            "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "generation_config.json");

    private CheckpointSaver() {}

    public static void save(Path source, ModelConfig config, Map<String, NDArray> parameters, Path dir) throws IOException {
        Files.createDirectories(dir);
        String prefix = config.architecture() == ModelConfig.Architecture.GPT2 ? "transformer." : "model.";
        Map<String, SafetensorsWriter.Tensor> tensors = SafetensorsWriter.ordered();
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            String name = e.getKey().startsWith("lm_head.") ? e.getKey() : prefix + e.getKey();
            tensors.put(name, new SafetensorsWriter.Tensor(e.getValue().toFloatArray(), e.getValue().getShape().getShape()));
        }
        SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
        if (!source.equals(dir)) {
            AtomicFiles.copy(config.file(), dir.resolve("config.json"));
            for (String f : SIDE_FILES) {
                if (Files.isRegularFile(source.resolve(f))) {
                    AtomicFiles.copy(source.resolve(f), dir.resolve(f));
                }
            }
        }
    }
}
