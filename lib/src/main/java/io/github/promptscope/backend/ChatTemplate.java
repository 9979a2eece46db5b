package io.github.promptscope.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a conversation becomes a prompt for a local model. PromptScope renders one documented plain
 * template, {@code "role: content\n"} per message and then {@code "assistant:"}, with the next
 * {@code "\nuser:"} or {@code "\nsystem:"} as stop strings so the reply ends where the model starts
 * the next turn. Checkpoints whose {@code tokenizer_config.json} carries a Jinja
 * {@code chat_template} are still served with the plain template, since PromptScope has no Jinja
 * engine; {@link #note()} says so, and {@code serve} prints it at start.
 */
public final class ChatTemplate {

    private static final List<String> STOPS = List.of("\nuser:", "\nsystem:");

    private final String note;

    private ChatTemplate(String note) {
        this.note = note;
    }

    /** The template for a checkpoint folder, noting a {@code chat_template} it cannot render. */
    public static ChatTemplate forCheckpoint(Path dir) {
        Path config = dir.resolve("tokenizer_config.json");
        if (!Files.isRegularFile(config)) {
            return new ChatTemplate(null);
        }
        try {
            JsonNode template = new ObjectMapper().readTree(config.toFile()).path("chat_template");
            if (template.isMissingNode() || template.isNull()) {
                return new ChatTemplate(null);
            }
            return new ChatTemplate(config + " has a Jinja chat_template, which PromptScope cannot render;"
                    + " chat uses the plain template (\"role: content\\n\" per message, then \"assistant:\")");
        } catch (IOException e) {
            // A broken tokenizer_config.json does not stop chat; the plain template needs nothing from it.
            return new ChatTemplate(config + " is not readable JSON (" + e.getMessage() + "); chat uses the plain template");
        }
    }

    /** The plain template with nothing to note. */
    public static ChatTemplate plain() {
        return new ChatTemplate(null);
    }

    /** The prompt for a conversation: each message as {@code "role: content\n"}, then {@code "assistant:"}. */
    public String render(List<ChatMessage> messages) {
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : messages) {
            sb.append(m.role()).append(": ").append(m.content()).append('\n');
        }
        return sb.append("assistant:").toString();
    }

    /** Stop strings that end the assistant's turn. */
    public List<String> stops() {
        return STOPS;
    }

    /** Why the checkpoint's own template is not used, or null when there is none. */
    public String note() {
        return note;
    }
}
