package io.github.promptscope.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Chats as JSON Lines in the OpenAI fine-tuning format, one conversation per line:
 * {@code {"messages": [{"role": "system", "content": "..."}, ...]}}. The same file can be uploaded to
 * a hosted fine-tuning service or read back here; contents are kept byte for byte.
 */
public final class ChatFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    private ChatFiles() {}

    /** Writes {@code chats} to {@code file} atomically (a reader never sees half a file). */
    public static void write(Path file, List<List<ChatMessage>> chats) throws IOException {
        StringBuilder out = new StringBuilder();
        for (List<ChatMessage> chat : chats) {
            ObjectNode line = JSON.createObjectNode();
            ArrayNode messages = line.putArray("messages");
            for (ChatMessage m : chat) {
                messages.addObject().put("role", m.role()).put("content", m.content());
            }
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        AtomicFiles.writeString(file, out.toString());
    }

    /** Reads every conversation; a malformed line is an error naming the file, the line and what is wrong. */
    public static List<List<ChatMessage>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<List<ChatMessage>> chats = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                chats.add(parse(file, i + 1, lines.get(i)));
            }
        }
        return chats;
    }

    private static List<ChatMessage> parse(Path file, int lineNo, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw error(file, lineNo, "not JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode messages = node == null ? null : node.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw error(file, lineNo, "field \"messages\" must be a non-empty array");
        }
        List<ChatMessage> chat = new ArrayList<>();
        for (int k = 0; k < messages.size(); k++) {
            JsonNode m = messages.get(k);
            JsonNode role = m.get("role");
            JsonNode content = m.get("content");
            if (role == null || !role.isTextual() || !ROLES.contains(role.textValue())) {
                throw error(file, lineNo, "messages[" + k + "].role must be one of " + ROLES);
            }
            if (content == null || !content.isTextual()) {
                throw error(file, lineNo, "messages[" + k + "].content must be a string");
            }
            chat.add(new ChatMessage(role.textValue(), content.textValue()));
        }
        return chat;
    }

    private static IllegalArgumentException error(Path file, int line, String what) {
        return new IllegalArgumentException(file + ":" + line + ": " + what);
    }
}
