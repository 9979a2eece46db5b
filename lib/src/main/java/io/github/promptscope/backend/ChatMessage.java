package io.github.promptscope.backend;

/** One turn of a conversation: role "system", "user" or "assistant", and its text. */
public record ChatMessage(String role, String content) {

    public ChatMessage {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("a chat message needs a role");
        }
        if (content == null) {
            throw new IllegalArgumentException("a chat message needs content");
        }
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
