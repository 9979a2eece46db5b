package io.github.promptscope.backend;

import java.util.List;

/** A conversation to answer, and how to sample the answer. */
public record ChatRequest(List<ChatMessage> messages, Sampling sampling) {

    public ChatRequest {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }

    public static ChatRequest of(Sampling sampling, ChatMessage... messages) {
        return new ChatRequest(List.of(messages), sampling);
    }
}
