package io.github.promptscope.neurons;

import io.github.promptscope.backend.ChatMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * A prompt as the explainer and simulator build it (OpenAI's PromptBuilder): a system message, then
 * user and assistant messages in turn, and the format it was built for (the instruction-following
 * format moves the explanation prefix into the assistant's turn, so the format is fixed at build time).
 */
public record Prompt(List<ChatMessage> messages, PromptFormat format) {

    public static final String END_OF_PROMPT = "<|endofprompt|>";

    public Prompt {
        messages = List.copyOf(messages);
        // a system message first, then user and assistant in turn (a prompt fitted to a short
        // context may leave the system message out and start with the user)
        String expected = !messages.isEmpty() && messages.get(0).role().equals("user") ? "user" : "system";
        for (ChatMessage m : messages) {
            if (!m.role().equals(expected)) {
                throw new IllegalArgumentException("expected a " + expected + " message, got " + m.role());
            }
            expected = m.role().equals("user") ? "assistant" : "user";
        }
    }

    /** The messages for a chat model, or the one string for a completion model, as the format says. */
    public List<ChatMessage> chat() {
        if (format != PromptFormat.CHAT) {
            throw new IllegalStateException("a " + format + " prompt is one string; use text()");
        }
        return messages;
    }

    /** The concatenated contents (with {@code <|endofprompt|>} after the last user message in that format). */
    public String text() {
        if (format == PromptFormat.CHAT) {
            throw new IllegalStateException("a CHAT prompt is a list of messages; use chat()");
        }
        int lastUser = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).role().equals("user")) {
                lastUser = i;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            out.append(messages.get(i).content());
            if (i == lastUser && format == PromptFormat.INSTRUCTION_FOLLOWING) {
                out.append(END_OF_PROMPT);
            }
        }
        return out.toString();
    }

    /** Accumulates messages in order. */
    static final class Builder {
        private final List<ChatMessage> messages = new ArrayList<>();
        private final PromptFormat format;

        Builder(PromptFormat format) {
            this.format = format;
        }

        PromptFormat format() {
            return format;
        }

        Builder add(String role, String content) {
            messages.add(new ChatMessage(role, content));
            return this;
        }

        Prompt build() {
            return new Prompt(messages, format);
        }
    }
}
