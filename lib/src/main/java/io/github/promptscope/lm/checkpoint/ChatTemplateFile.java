package io.github.promptscope.lm.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a Jinja chat template into a checkpoint's {@code tokenizer_config.json} (the
 * {@code chat_template} field {@code transformers} reads), so every reader of the folder renders
 * chats the way the model was trained on them.
 */
public final class ChatTemplateFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatTemplateFile() {}

    /**
     * Sets {@code chat_template} in {@code dir/tokenizer_config.json}, keeping every other field.
     * The template ends replies with {@code eos_token}; {@code expectedEos} is the text it must be.
     */
    public static void install(Path dir, String template, String expectedEos) throws IOException {
        Path file = dir.resolve("tokenizer_config.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no tokenizer_config.json to carry the chat template");
        }
        JsonNode config = JSON.readTree(file.toFile());
        if (!(config instanceof ObjectNode object)) {
            throw new IllegalArgumentException(file + " is not a JSON object");
        }
        JsonNode eos = object.path("eos_token");
        String eosText = eos.isTextual() ? eos.asText() : eos.path("content").asText(null);
        if (!expectedEos.equals(eosText)) {
            throw new IllegalArgumentException(file + ": eos_token is " + eos + ", but the chat serialization ends "
                    + "replies with " + expectedEos);
        }
        object.put("chat_template", template);
        AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(object) + "\n");
    }
}
